// Quit signals: the handler sets an async-signal-safe flag that the frame loop polls.
#include "quit_signal.h"

#include <signal.h>

#include <csignal>

namespace graphony::editor {

namespace {

volatile std::sig_atomic_t g_quit = 0;

void OnQuitSignal(int) { g_quit = 1; }

}  // namespace

void InstallQuitSignals() {
  struct sigaction action {};
  action.sa_handler = OnQuitSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // the frame loop notices within one (idle) frame
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGHUP, &action, nullptr);
}

bool QuitSignalled() { return g_quit != 0; }

}  // namespace graphony::editor
