// The floor for the editor benchmark: an SFML window that draws one full-window textured sprite
// from the benchmark's picture each frame, timed the same way as graphony-bench's phases. Its
// first frame from exec (SFML loading the whole picture, the window, one draw) is the peer the
// editor's first frame is compared with.
#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "exec_clock.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 5) {
    std::fprintf(stderr, "usage: bare_window_bench IMAGE [FRAMES] [WIDTH] [HEIGHT]\n");
    return 2;
  }
  const int frames = argc > 2 ? std::max(10, std::atoi(argv[2])) : 120;
  const unsigned w = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 1600;
  const unsigned h = argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 1000;
  if (!std::getenv("DISPLAY")) {
    std::fprintf(stderr, "bare_window_bench: no X display (DISPLAY is not set)\n");
    return 1;
  }
  sf::Texture texture;
  if (!texture.loadFromFile(argv[1])) {
    std::fprintf(stderr, "bare_window_bench: %s: cannot load the picture\n", argv[1]);
    return 1;
  }
  texture.setSmooth(true);
  sf::RenderWindow window(sf::VideoMode(w, h), "bare window bench");
  window.setPosition(sf::Vector2i(0, 0));
  window.setVerticalSyncEnabled(false);
  sf::Sprite sprite(texture);
  sprite.setScale(static_cast<float>(w) / texture.getSize().x,
                  static_cast<float>(h) / texture.getSize().y);
  using Clock = std::chrono::steady_clock;
  std::vector<double> ms;
  ms.reserve(frames);
  for (int i = -5; i < frames; ++i) {  // five warm-up frames, as graphony-bench settles first
    const auto t0 = Clock::now();
    sf::Event event;
    while (window.pollEvent(event)) {
    }
    window.clear(sf::Color(30, 30, 30));
    window.draw(sprite);
    window.display();
    glFinish();  // count the drawing, not just its queuing
    if (i == -5)
      std::printf("bench: bare_first_frame_ms=%.1f (from exec: picture, window, one frame)\n",
                  graphony::editor::MsSinceExec());
    if (i >= 0) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  double mean = 0;
  for (double v : ms) mean += v;
  mean /= ms.size();
  std::printf(
      "bench: %-14s frames=%d mean_ms=%.2f median_ms=%.2f p95_ms=%.2f max_ms=%.2f window=%ux%u\n",
      "bare_window", frames, mean, ms[ms.size() / 2],
      ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.95))], ms.back(), w, h);
  return 0;
}
