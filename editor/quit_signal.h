// SIGTERM and SIGHUP (logout, shutdown, `kill`) ask the editor to quit normally instead of
// killing it, so an orderly end never looks like a crash at the next start.
#pragma once

namespace graphony::editor {

// Installs the handlers (once, from main/App::Run before the frame loop).
void InstallQuitSignals();
// True once a quit signal arrived. [UI] polls it each frame; the handler only sets a flag.
bool QuitSignalled();

}  // namespace graphony::editor
