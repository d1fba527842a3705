// Large buffers (pictures, scan grids, a render's kept mix) backed by 2 MB pages where the kernel
// offers transparent huge pages on request ("madvise", Debian's default): a 32 MB picture then
// takes 16 page faults to fill instead of 8,000, which cost ~15 % of a big picture's render.
#pragma once

#include <cstddef>
#include <vector>

namespace graphony {

// Asks for huge pages on the 2 MB-aligned part of [data, data + bytes). Only memory not yet
// touched benefits; errors (no THP, an old kernel) are ignored: it is only advice.
void AdviseHugePages(void* data, size_t bytes);

// Below this a buffer has no whole aligned 2 MB page to speak of.
constexpr size_t kLargeBufferBytes = size_t{4} << 20;

// v.reserve(n) for a fresh, large vector, its storage advised before anything is written.
template <class T>
void ReserveLarge(std::vector<T>& v, size_t n) {
  if (!v.empty() || n <= v.capacity() || n * sizeof(T) < kLargeBufferBytes) return v.reserve(n);
  v.reserve(n);
  AdviseHugePages(v.data(), n * sizeof(T));
}

// v.resize(n) (value-initialised, as std::vector does) through ReserveLarge.
template <class T>
void ResizeLarge(std::vector<T>& v, size_t n) {
  ReserveLarge(v, n);
  v.resize(n);
}

}  // namespace graphony
