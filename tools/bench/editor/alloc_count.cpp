// Global operator new/delete replacements that count calls (relaxed atomic: a few ns each).
#include "alloc_count.h"

#include <atomic>
#include <cstdlib>
#include <new>

#include "imgui.h"

namespace {
std::atomic<uint64_t> g_allocations{0};

void* ImGuiAlloc(size_t size, void*) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size);
}
void ImGuiFree(void* p, void*) { std::free(p); }
}  // namespace

namespace graphony::editor {
uint64_t AllocationCount() { return g_allocations.load(std::memory_order_relaxed); }
void InstallImGuiAllocationCounter() {
  ImGui::SetAllocatorFunctions(ImGuiAlloc, ImGuiFree, nullptr);
}
}  // namespace graphony::editor

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
