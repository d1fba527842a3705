// LazyLibrary: dlopen a shared library on first use and resolve its functions, so programs
// that never need it (a sine render, --help) do not map it and what it pulls in.
#pragma once

#include <dlfcn.h>

#include <string>

namespace graphony {

// One library, opened RTLD_NOW | RTLD_LOCAL and kept for the life of the process (objects
// made by it may outlive any one caller). `error` holds the first problem, else empty.
class LazyLibrary {
 public:
  explicit LazyLibrary(const char* soname) : soname_(soname) {
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      const char* why = dlerror();
      error_ = why ? why : soname_ + " could not be loaded";
    }
  }

  // Sets `out` to the function `name`; on failure records the first missing name.
  template <class F>
  void Resolve(const char* name, F& out) {
    if (!handle_) return;
    void* p = dlsym(handle_, name);
    if (!p) {
      if (error_.empty()) error_ = soname_ + " has no " + name;
      return;
    }
    out = reinterpret_cast<F>(p);
  }

  const std::string& error() const { return error_; }

 private:
  std::string soname_;
  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace graphony
