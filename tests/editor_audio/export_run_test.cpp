// ExportDialog::Run, the window-free part of the export dialog: each format really written,
// stems next to the mix, cancel leaves nothing behind.
#include <doctest/doctest.h>
#include <sndfile.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/score_defaults.h"
#include "dialog_export.h"
#include "export/export_job.h"
#include "synth/limiter.h"
#include "synth/offline_render.h"

namespace fs = std::filesystem;
using graphony::editor::ExportDialog;
using graphony::editor::ExportKind;

namespace {

// Two palette colours, one flat stroke each, so there are two instruments (two stems).
graphony::Score TwoStrokeScore() {
  graphony::Score s;
  s.tempo_bpm = 120;
  s.length_beats = 4;
  s.palette = {{graphony::Color{0, 114, 178, 255}, "sine", "Sine", ""},
               {graphony::Color{230, 159, 0, 255}, "marimba", "Marimba", ""}};
  graphony::Layer layer;
  layer.kind = graphony::Layer::Kind::kStrokes;
  layer.name = "Lines";
  for (int i = 0; i < 2; ++i) {
    graphony::Stroke st;
    st.color = s.palette[i].color;
    st.width = 0.03f;
    for (int k = 0; k <= 8; ++k) st.points.push_back({0.1 + 1.5 * k / 8 + 2 * i, 0.3 + 0.3 * i, 0.9f});
    layer.strokes.strokes.push_back(st);
  }
  s.layers.push_back(layer);
  return s;
}

// A loud score: many full-pressure, broad strokes at once over `beats`, so the mix runs into
// the limiter (the ceiling is only tested when something pushes against it).
graphony::Score LoudScore(double beats) {
  graphony::Score s = TwoStrokeScore();
  s.length_beats = beats;
  graphony::Layer& layer = s.layers[0];
  layer.strokes.strokes.clear();
  for (int i = 0; i < 16; ++i) {
    graphony::Stroke st;
    st.color = s.palette[static_cast<size_t>(i % 2)].color;
    st.width = 0.05f;
    for (int k = 0; k <= 16; ++k) st.points.push_back({(beats - 0.5) * k / 16, 0.2 + 0.04 * i, 1.0f});
    layer.strokes.strokes.push_back(st);
  }
  return s;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string p = (fs::temp_directory_path() / "graphony-export-test-XXXXXX").string();
    REQUIRE(mkdtemp(p.data()) != nullptr);
    path = p;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string Head(const fs::path& p, size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

// Frames and peak of a sound file read back with libsndfile.
void ReadBack(const fs::path& p, sf_count_t* frames, float* peak) {
  SF_INFO info{};
  SNDFILE* f = sf_open(p.c_str(), SFM_READ, &info);
  REQUIRE_MESSAGE(f != nullptr, p.string());
  std::vector<float> buf(static_cast<size_t>(info.frames * info.channels));
  *frames = sf_readf_float(f, buf.data(), info.frames);
  sf_close(f);
  *peak = 0;
  for (float v : buf) *peak = std::max(*peak, std::fabs(v));
}

}  // namespace

TEST_CASE("export: FLAC mix and one stem per instrument") {
  TempDir dir;
  const fs::path out = dir.path / "song.flac";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kFlac, out, true, &progress, &cancel);
  sf_count_t frames = 0;
  float peak = 0;
  ReadBack(out, &frames, &peak);
  CHECK(frames >= 48000 * 2);  // 4 beats at 120 bpm, plus the tail
  CHECK(peak > 0.01f);
  int stems = 0;
  for (const auto& e : fs::directory_iterator(dir.path / "song-stems")) {
    ReadBack(e.path(), &frames, &peak);
    CHECK(peak > 0.01f);
    ++stems;
  }
  CHECK(stems == 2);
}

TEST_CASE("export: MIDI, MusicXML and LilyPond files start like their formats") {
  TempDir dir;
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kMidi, dir.path / "s.mid", false, &progress, &cancel);
  CHECK(Head(dir.path / "s.mid", 4) == "MThd");
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kMusicXml, dir.path / "s.musicxml", false, &progress, &cancel);
  CHECK(Head(dir.path / "s.musicxml", 200).find("<?xml") != std::string::npos);
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kLilyPond, dir.path / "s.ly", false, &progress, &cancel);
  CHECK(Head(dir.path / "s.ly", 400).find("\\version") != std::string::npos);
}

TEST_CASE("export: cancelling leaves an existing file untouched and no temporary files") {
  TempDir dir;
  const fs::path out = dir.path / "song.wav";
  { std::ofstream(out) << "keep me"; }
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{true};
  CHECK_THROWS_AS(ExportDialog::Run(TwoStrokeScore(), ExportKind::kWav, out, false, &progress, &cancel),
                  graphony::RenderCancelled);
  CHECK(Head(out, 100) == "keep me");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);
}

TEST_CASE("export: PDF to print is a PDF file") {
  TempDir dir;
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kPdf, dir.path / "s.pdf", false, &progress, &cancel);
  CHECK(Head(dir.path / "s.pdf", 5) == "%PDF-");
  CHECK(progress.load() == doctest::Approx(1.0));
}

TEST_CASE("export: a loud mix stays under the limiter's -1 dBFS ceiling") {
  TempDir dir;
  const fs::path out = dir.path / "loud.wav";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  // The editor's export job with loudness normalisation off: normalised to -16 LUFS this
  // steady mix would sit well below the ceiling and never reach the limiter.
  graphony::ExportRequest request;
  request.out = out;
  request.audio.normalise = false;
  graphony::RunExportJob(LoudScore(8), request, [&](double f) { progress.store(f); }, &cancel);
  sf_count_t frames = 0;
  float peak = 0;
  ReadBack(out, &frames, &peak);
  // Pushed into the limiter (within 3 dB of the ceiling), never over it (one 16-bit step of
  // quantisation allowed).
  CHECK(peak > graphony::Limiter::kCeiling * 0.7f);
  CHECK(peak <= graphony::Limiter::kCeiling + 1.0f / 32768);
}

TEST_CASE("export: progress rises step by step during a long job, never backwards") {
  TempDir dir;
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  std::atomic<bool> done{false};
  std::vector<double> seen;
  std::thread watcher([&] {
    while (!done.load()) {
      const double p = progress.load();
      if (seen.empty() || p != seen.back()) seen.push_back(p);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    seen.push_back(progress.load());
  });
  ExportDialog::Run(LoudScore(240), ExportKind::kWav, dir.path / "long.wav", true, &progress,
                    &cancel);
  done = true;
  watcher.join();
  int intermediate = 0;
  for (double p : seen) intermediate += p > 0.02 && p < 0.98;
  CHECK(intermediate >= 3);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() == doctest::Approx(1.0));
}
