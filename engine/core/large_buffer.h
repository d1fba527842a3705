// Large buffers (pictures, scan grids and banks, a render's kept mix) backed by 2 MB pages where
// the kernel offers transparent huge pages on request ("madvise", Debian's default): a 32 MB
// picture then takes 16 page faults to fill instead of 8,000, and column walks stay in the TLB.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace graphony {

// Asks for huge pages on the 2 MB-aligned part of [data, data + bytes). Only memory not yet
// touched benefits; errors (no THP, an old kernel) are ignored: it is only advice.
void AdviseHugePages(void* data, size_t bytes);

// Below this a buffer has no whole aligned 2 MB page to speak of.
constexpr size_t kLargeBufferBytes = size_t{4} << 20;

// v.reserve(n) for a fresh, large vector, its storage advised before anything is written. For
// vectors whose type is shared (Image::rgba); tables owned by one class use HugePageAllocator.
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

// Allocator for large tables (a scan bank's amplitudes): from kLargeBufferBytes up, 2 MB
// aligned and rounded, so every page of the table can be a huge one. Smaller ones come from the
// usual heap.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kLargeBufferBytes) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
    AdviseHugePages(p, rounded);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kLargeBufferBytes)
      ::operator delete(p);
    else
      std::free(p);
  }
};
template <class T, class U>
bool operator==(const HugePageAllocator<T>&, const HugePageAllocator<U>&) {
  return true;
}
template <class T, class U>
bool operator!=(const HugePageAllocator<T>&, const HugePageAllocator<U>&) {
  return false;
}

}  // namespace graphony
