// Counts heap allocations (operator new and ImGui's allocator) so the benchmark can check idle
// frames allocate nothing. Linked only into graphony-bench, never into the shipping editor.
#pragma once

#include <cstdint>

namespace graphony::editor {

uint64_t AllocationCount();
// Routes ImGui's allocations through the counter; call before ImGui::CreateContext().
void InstallImGuiAllocationCounter();

}  // namespace graphony::editor
