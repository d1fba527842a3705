// Fmt: printf into a std::string, for translated messages with names put into them (a
// translation may move the name: "No file called %s here." keeps one sentence to translate).
#pragma once

#include <cstdio>
#include <string>

namespace graphony::editor {

template <typename... Args>
std::string Fmt(const char* format, Args... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, format, args...);
  return buf;
}

}  // namespace graphony::editor
