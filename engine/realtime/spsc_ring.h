// A bounded lock-free single-producer/single-consumer ring (commands, returned programs,
// recorded samples). Wait-free on both sides; capacity fixed at construction.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <type_traits>

namespace graphony {

// Thread rules: exactly one producer thread calls Push*/WriteAvailable and exactly one
// consumer thread calls Pop*/ReadAvailable. Construction and destruction happen while
// neither side is running. Nothing here allocates, locks or blocks after construction.
template <typename T>
class SpscRing {
  static_assert(std::is_trivially_copyable_v<T>, "ring items are copied as bytes");

 public:
  // [control, before either side runs] Capacity is rounded up to a power of two.
  explicit SpscRing(size_t min_capacity) {
    size_t capacity = 2;
    while (capacity < min_capacity) capacity *= 2;
    mask_ = capacity - 1;
    items_ = std::make_unique<T[]>(capacity);
  }
  SpscRing(const SpscRing&) = delete;
  SpscRing& operator=(const SpscRing&) = delete;

  size_t Capacity() const { return mask_ + 1; }

  // [producer] False (and nothing written) when the ring is full.
  bool Push(const T& item) { return PushMany(&item, 1) == 1; }
  // [producer] Writes as many of `count` items as fit; returns how many were written.
  size_t PushMany(const T* items, size_t count) {
    const size_t head = head_.load(std::memory_order_relaxed);
    const size_t tail = tail_.load(std::memory_order_acquire);
    const size_t room = Capacity() - (head - tail);
    const size_t n = count < room ? count : room;
    for (size_t i = 0; i < n; ++i) items_[(head + i) & mask_] = items[i];
    head_.store(head + n, std::memory_order_release);  // publishes the items written above
    return n;
  }
  // [producer] Free slots right now (may grow as the consumer reads).
  size_t WriteAvailable() const {
    return Capacity() -
           (head_.load(std::memory_order_relaxed) - tail_.load(std::memory_order_acquire));
  }

  // [consumer] False when empty.
  bool Pop(T& item) { return PopMany(&item, 1) == 1; }
  // [consumer] Reads up to `count` items; returns how many were read.
  size_t PopMany(T* items, size_t count) {
    const size_t tail = tail_.load(std::memory_order_relaxed);
    const size_t head = head_.load(std::memory_order_acquire);
    const size_t have = head - tail;
    const size_t n = count < have ? count : have;
    for (size_t i = 0; i < n; ++i) items[i] = items_[(tail + i) & mask_];
    tail_.store(tail + n, std::memory_order_release);  // hands the slots back to the producer
    return n;
  }
  // [consumer] Items waiting right now.
  size_t ReadAvailable() const {
    return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_relaxed);
  }

 private:
  // Head and tail on their own cache lines so the two threads do not false-share.
  alignas(64) std::atomic<size_t> head_{0};  // written by the producer only
  alignas(64) std::atomic<size_t> tail_{0};  // written by the consumer only
  alignas(64) size_t mask_ = 0;
  std::unique_ptr<T[]> items_;
};

}  // namespace graphony
