// ExportDialog::Run, the window-free part of the export dialog: each format really written,
// stems next to the mix, cancel leaves nothing behind.
#include <doctest/doctest.h>

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
#include "support/sound_readback.h"
#include "support/temp_dir.h"
#include "synth/limiter.h"
#include "synth/offline_render.h"

namespace fs = std::filesystem;
using graphony::editor::ExportDialog;
using graphony::editor::ExportKind;
using graphony::test::ReadBack;
using graphony::test::ReadBackSound;
using graphony::test::TempDir;

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
    for (int k = 0; k <= 8; ++k)
      st.points.push_back({0.1 + 1.5 * k / 8 + 2 * i, 0.3 + 0.3 * i, 0.9f});
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
    for (int k = 0; k <= 16; ++k)
      st.points.push_back({(beats - 0.5) * k / 16, 0.2 + 0.04 * i, 1.0f});
    layer.strokes.strokes.push_back(st);
  }
  return s;
}

std::string Head(const fs::path& p, size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

}  // namespace

TEST_CASE("export: FLAC mix and one stem per instrument") {
  TempDir dir("export-test");
  const fs::path out = dir.Path() / "song.flac";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kFlac, out, true, &progress, &cancel);
  const ReadBackSound mix = ReadBack(out);
  CHECK(mix.frames >= 48000 * 2);  // 4 beats at 120 bpm, plus the tail
  CHECK(mix.Peak() > 0.01f);
  int stems = 0;
  for (const auto& e : fs::directory_iterator(dir.Path() / "song-stems")) {
    CHECK(ReadBack(e.path()).Peak() > 0.01f);
    ++stems;
  }
  CHECK(stems == 2);
}

TEST_CASE("export: MIDI, MusicXML and LilyPond files start like their formats") {
  TempDir dir("export-test");
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kMidi, dir.Path() / "s.mid", false, &progress,
                    &cancel);
  CHECK(Head(dir.Path() / "s.mid", 4) == "MThd");
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kMusicXml, dir.Path() / "s.musicxml", false,
                    &progress, &cancel);
  CHECK(Head(dir.Path() / "s.musicxml", 200).find("<?xml") != std::string::npos);
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kLilyPond, dir.Path() / "s.ly", false, &progress,
                    &cancel);
  CHECK(Head(dir.Path() / "s.ly", 400).find("\\version") != std::string::npos);
}

TEST_CASE("export: cancelling leaves an existing file untouched and no temporary files") {
  TempDir dir("export-test");
  const fs::path out = dir.Path() / "song.wav";
  { std::ofstream(out) << "keep me"; }
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{true};
  CHECK_THROWS_AS(
      ExportDialog::Run(TwoStrokeScore(), ExportKind::kWav, out, false, &progress, &cancel),
      graphony::RenderCancelled);
  CHECK(Head(out, 100) == "keep me");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.Path())) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);
}

TEST_CASE("export: PDF to print is a PDF file") {
  TempDir dir("export-test");
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  ExportDialog::Run(TwoStrokeScore(), ExportKind::kPdf, dir.Path() / "s.pdf", false, &progress,
                    &cancel);
  CHECK(Head(dir.Path() / "s.pdf", 5) == "%PDF-");
  CHECK(progress.load() == doctest::Approx(1.0));
}

TEST_CASE("export: a loud mix stays under the limiter's -1 dBFS ceiling") {
  TempDir dir("export-test");
  const fs::path out = dir.Path() / "loud.wav";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  // The editor's export job with loudness normalisation off: normalised to -16 LUFS this
  // steady mix would sit well below the ceiling and never reach the limiter.
  graphony::ExportRequest request;
  request.out = out;
  request.audio.normalise = false;
  graphony::RunExportJob(
      LoudScore(8), request, [&](double f) { progress.store(f); }, &cancel);
  const float peak = ReadBack(out).Peak();
  // Pushed into the limiter (within 3 dB of the ceiling), never over it (one 16-bit step of
  // quantisation allowed).
  CHECK(peak > graphony::Limiter::kCeiling * 0.7f);
  CHECK(peak <= graphony::Limiter::kCeiling + 1.0f / 32768);
}

TEST_CASE("export: progress rises step by step during a long job, never backwards") {
  TempDir dir("export-test");
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
  ExportDialog::Run(LoudScore(240), ExportKind::kWav, dir.Path() / "long.wav", true, &progress,
                    &cancel);
  done = true;
  watcher.join();
  int intermediate = 0;
  for (double p : seen) intermediate += p > 0.02 && p < 0.98;
  CHECK(intermediate >= 3);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() == doctest::Approx(1.0));
}
