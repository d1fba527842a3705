// graphony: the editor. `graphony [FILE] [--bench-frames N] [--kiosk DIR]`; needs an X display.
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "app.h"
#include "core/i18n.h"
#include "core/trusted_programs.h"
#include "logic/kiosk_pin.h"
#include "logic/score_preload.h"
#include "logic/ui_sizes.h"
#ifdef GRAPHONY_ALLOCATION_COUNTER  // only the benchmark build, tools/bench/editor/graphony-bench
#include "alloc_count.h"
#endif

int main(int argc, char** argv) {
  graphony::editor::AppOptions options;
  options.started = std::chrono::steady_clock::now();
  graphony::i18n::Init();  // LANGUAGE / LANG; the picker's saved choice is applied in App::Run
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0) {
      std::printf(
          "%s",
          _("usage: graphony [FILE.graphony] [--bench-frames N]\n"
            "       graphony --kiosk LIBRARY_DIR [FILE.graphony]\n"
            "       graphony --set-kiosk-pin < PIN\n"
            "       graphony --layout-report OUT.json [--layout-screenshot OUT.png] [--window "
            "WxH]\n"
            "                [--ui-size NAME] [--theme NAME] [--participant] [--welcome]\n"
            "                [--language CODE] [FILE]\n"
            "Opens the Graphony editor. FILE may not exist yet: Ctrl+S then saves there.\n"
            "--kiosk: secure-ward kiosk mode. Files only inside LIBRARY_DIR (no other paths,\n"
            "  hidden files, '..' or symlinks out); settings, quit, sound device and export\n"
            "  outside the library need the facilitator PIN; starts in the participant view;\n"
            "  runs no program but /usr/bin/lilypond and /usr/bin/qpdf. See docs/secure-wards.md.\n"
            "--set-kiosk-pin reads a PIN of 4-12 digits from stdin and stores only its salted\n"
            "  Argon2id hash in ~/.config/graphony/kiosk-pin (mode 0600).\n"
            "--layout-report draws the first frames, writes where the controls are, and exits.\n"
            "--layout-batch LIST does the same for each line of LIST:\n"
            "  OUT.json OUT.png WxH UI-SIZE THEME [participant]\n"
            "UI sizes:"));
      for (const auto& size : graphony::editor::kUiSizes) std::printf(" %s", size.name);
      std::printf("\n%s", _("Themes:"));
      for (const char* theme : graphony::editor::kThemeNames) std::printf(" %s", theme);
      std::printf("\n%s", _("Languages:"));
      for (const auto& lang : graphony::i18n::Languages()) std::printf(" %s", lang.code);
      std::printf("\n");
      return 0;
    }
    auto value = [&](const char* what) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, _("graphony: %s needs %s\n"), a, what);
        std::exit(2);
      }
      return argv[++i];
    };
    if (std::strcmp(a, "--layout-report") == 0) {
      options.layout_report = value(_("a file name"));
      continue;
    }
    if (std::strcmp(a, "--layout-batch") == 0) {
      options.layout_batch = value(_("a file name"));
      continue;
    }
    if (std::strcmp(a, "--layout-screenshot") == 0) {
      options.layout_screenshot = value(_("a file name"));
      continue;
    }
    if (std::strcmp(a, "--window") == 0) {
      const char* v = value(_("a size like 1366x768"));
      unsigned w = 0, h = 0;
      char tail = 0;
      if (std::sscanf(v, "%ux%u%c", &w, &h, &tail) != 2 || w < 320 || h < 240 || w > 16384 ||
          h > 16384) {
        std::fprintf(stderr, _("graphony: --window %s: give a size like 1366x768\n"), v);
        return 2;
      }
      options.window_w = w;
      options.window_h = h;
      continue;
    }
    if (std::strcmp(a, "--ui-size") == 0) {
      const char* v = value(_("a UI size name (see --help)"));
      options.ui_size = graphony::editor::FindUiSize(v);
      if (options.ui_size < 0) {
        std::fprintf(stderr, _("graphony: unknown UI size %s (see --help)\n"), v);
        return 2;
      }
      continue;
    }
    if (std::strcmp(a, "--theme") == 0) {
      const char* v = value(_("a theme name (see --help)"));
      options.theme = graphony::editor::FindTheme(v);
      if (options.theme < 0) {
        std::fprintf(stderr, _("graphony: unknown theme %s (see --help)\n"), v);
        return 2;
      }
      continue;
    }
    if (std::strcmp(a, "--language") == 0) {
      options.language = value(_("a language code (see --help)"));
      if (!graphony::i18n::SetLanguage(options.language)) {
        std::fprintf(stderr, _("graphony: unknown language %s (see --help)\n"),
                     options.language.c_str());
        return 2;
      }
      continue;
    }
    if (std::strcmp(a, "--kiosk") == 0) {
      options.kiosk_library = value(_("the library folder"));
      continue;
    }
    if (std::strcmp(a, "--set-kiosk-pin") == 0) {
      std::string pin;
      // At a terminal: a prompt, and the PIN not shown (nor left on the screen).
      termios saved{};
      const bool tty = isatty(0) && tcgetattr(0, &saved) == 0;
      if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(0, TCSANOW, &quiet);
        std::fprintf(stderr, "%s", _("Facilitator PIN (4-12 digits): "));
      }
      std::getline(std::cin, pin);
      if (tty) {
        tcsetattr(0, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
      }
      while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
      const std::filesystem::path file = graphony::editor::KioskPinPath();
      if (const std::string problem = graphony::editor::PinProblem(pin); !problem.empty()) {
        std::fprintf(stderr, "graphony: --set-kiosk-pin: %s\n", problem.c_str());
        return 1;
      }
      const std::string hash = graphony::editor::HashPin(pin);
      std::string error;
      if (file.empty() || hash.empty() || !graphony::editor::SavePinHash(file, hash, error)) {
        std::fprintf(stderr, _("graphony: %s: cannot store the kiosk PIN: %s\n"), file.c_str(),
                     file.empty() ? _("no config folder (HOME is not set)") : error.c_str());
        return 1;
      }
      std::printf(_("graphony: kiosk PIN set; only its salted hash is stored, in %s\n"),
                  file.c_str());
      return 0;
    }
    if (std::strcmp(a, "--welcome") == 0) {
      options.welcome = true;
      continue;
    }
    if (std::strcmp(a, "--participant") == 0) {
      options.participant = true;
      continue;
    }
    if (std::strcmp(a, "--bench-frames") == 0) {
      if (i + 1 >= argc || std::atoi(argv[i + 1]) <= 0) {
        std::fprintf(stderr, "%s", _("graphony: --bench-frames needs a positive number\n"));
        return 2;
      }
      options.bench_frames = std::atoi(argv[++i]);
      continue;
    }
    if (a[0] == '-' && a[1] != '\0') {
      std::fprintf(stderr, _("graphony: unknown option %s (try --help)\n"), a);
      return 2;
    }
    if (!options.file.empty()) {
      std::fprintf(stderr, "%s", _("graphony: give at most one score file\n"));
      return 2;
    }
    options.file = a;
  }
  // SFML aborts without a display; say why instead.
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    std::fprintf(stderr, "%s",
                 _("graphony: no display found (DISPLAY is not set); the editor needs a screen. "
                   "graphony-cli works without one.\n"));
    return 1;
  }
  // Kiosk mode: no PATH lookups, no helper programs, from before any thread starts.
  if (!options.kiosk_library.empty()) graphony::RestrictToTrustedPrograms();
#ifdef GRAPHONY_ALLOCATION_COUNTER
  graphony::editor::InstallImGuiAllocationCounter();
  options.allocation_count = &graphony::editor::AllocationCount;
#endif
  // The score starts loading now: making the App opens the display and OpenGL.
  std::future<graphony::Score> loading =
      graphony::editor::PreloadScore(options.file, !options.kiosk_library.empty());
  graphony::editor::App app;
  return app.Run(options, &loading);
}
