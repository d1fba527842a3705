// graphony: the editor. Until the editor issue lands it says what it would open.
#include <cstdio>

int main(int argc, char** argv) {
  std::printf("graphony: the editor is not built yet; it would open %s\n",
              argc > 1 ? argv[1] : "a new score");
  return 0;
}
