// Test helpers: private temp directories and running third-party programs with captured output.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace graphony::testing {

// A unique directory removed on destruction, so tests can run in parallel.
using TempDir = graphony::test::TempDir;

inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs a shell command in `dir`; returns its exit code and fills stdout/stderr.
struct RunResult {
  int code = -1;
  std::string out, err;
};
inline RunResult Run(const TempDir& dir, const std::string& command) {
  static int counter = 0;
  const std::string id = std::to_string(++counter);
  const auto out = dir / ("run" + id + ".out"), err = dir / ("run" + id + ".err");
  const std::string full = "cd '" + dir.Path().string() + "' && (" + command + ") >'" +
                           out.string() + "' 2>'" + err.string() + "'";
  RunResult r;
  const int status = std::system(full.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadText(out);
  r.err = ReadText(err);
  return r;
}

// Note-on pitches and start times (seconds) in a MIDI file, read by Debian's mido.
inline std::string MidoNotes(const TempDir& dir, const std::string& file) {
  const std::string script =
      "import mido,sys\n"
      "m=mido.MidiFile(sys.argv[1]); t=0.0; out=[]\n"
      "for msg in m:\n"
      "  t+=msg.time\n"
      "  if msg.type=='note_on' and msg.velocity>0: out.append('%d@%.2f'%(msg.note,t))\n"
      "print(' '.join(out))\n";
  WriteText(dir / "mido_notes.py", script);
  RunResult r = Run(dir, "/usr/bin/python3 mido_notes.py '" + file + "'");
  return r.code == 0 ? r.out : "mido failed: " + r.err;
}

}  // namespace graphony::testing
