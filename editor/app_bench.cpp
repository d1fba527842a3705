// --bench-frames N: time to first frame, then frame times while idle, panning (fitted), panning
// zoomed in, and the performance view playing in both modes (scroll and sweep).
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app.h"
#include "cpu_clock.h"
#include "exec_clock.h"

namespace graphony::editor {

namespace {

struct Stats {
  double mean = 0, median = 0, p95 = 0, max = 0;
};

Stats Summarize(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  for (double v : ms) s.mean += v;
  s.mean /= ms.size();
  s.median = ms[ms.size() / 2];
  s.p95 = ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.95))];
  s.max = ms.back();
  return s;
}

}  // namespace

int App::RunBenchmark(int frames) {
  using Clock = std::chrono::steady_clock;
  auto ms_since = [](Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  };
  clock_.restart();
  // First frame: includes building the picture textures. glFinish so the GPU work counts.
  Frame(1.f / 60);
  glFinish();
  const double first_frame_ms = ms_since(options_.started);
  const double from_exec_ms = MsSinceExec();
  const double first_frame_cpu_ms = ProcessCpuMs();
  size_t strokes = 0;
  for (const Layer& l : doc_.score.layers) strokes += l.strokes.strokes.size();
  std::printf("bench: strokes=%zu layers=%zu window=%ux%u\n", strokes, doc_.score.layers.size(),
              window_.getSize().x, window_.getSize().y);
  auto span = [](auto a, auto b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  std::printf(
      "bench: time_to_first_frame_ms=%.1f (window+GL %.1f, load score %.1f, first frame incl. "
      "textures %.1f; "
      "picture texture %.1f)\n",
      first_frame_ms, span(options_.started, window_ready_), span(window_ready_, score_loaded_),
      first_frame_ms - span(options_.started, score_loaded_), textures_.LastBuildMs());
  // From exec, not main(): what the user waits (the loader and static constructors too).
  std::printf("bench: from_exec_first_frame_ms=%.1f (exec to main %.1f; one clock tick %.0f ms)\n",
              from_exec_ms, from_exec_ms - first_frame_ms,
              1e3 / static_cast<double>(sysconf(_SC_CLK_TCK)));
  std::printf(
      "bench: first_frame_cpu_ms=%.1f (window+GL %.1f, load score %.1f, first frame %.1f; all "
      "threads)\n",
      first_frame_cpu_ms, cpu_window_ready_ms_, cpu_score_loaded_ms_ - cpu_window_ready_ms_,
      first_frame_cpu_ms - cpu_score_loaded_ms_);

  // The strokes fill in over the next frames (a score just opened): until they are whole.
  int fill_frames = 0;
  while (canvas_.Building() && fill_frames < 1000) {
    Frame(1.f / 60);
    glFinish();
    ++fill_frames;
  }
  std::printf("bench: strokes_complete_ms=%.1f cpu_ms=%.1f (after %d more frames)\n",
              ms_since(options_.started), ProcessCpuMs(), fill_frames);
  std::printf("bench: stroke_cache=%s\n", std::getenv("GRAPHONY_NO_STROKE_CACHE") ? "off" : "on");
  std::vector<double> times;
  times.reserve(frames);
  auto run = [&](const char* name, int n, auto&& step) {
    times.clear();
    for (int i = 0; i < n; ++i) {
      step(i);
      const auto t0 = Clock::now();
      Frame(1.f / 60);
      glFinish();
      times.push_back(ms_since(t0));
    }
    const Stats s = Summarize(times);
    std::printf(
        "bench: %-14s frames=%d mean_ms=%.2f median_ms=%.2f p95_ms=%.2f max_ms=%.2f "
        "strokes_on_screen=%d "
        "cache_rebuilds=%d\n",
        name, n, s.mean, s.median, s.p95, s.max, canvas_.StrokesDrawn(), canvas_.CacheRebuilds());
  };
  const int n = std::max(10, frames);
  // Idle: nothing changes; also counts heap allocations per frame (target: zero).
  for (int i = 0; i < 5; ++i) Frame(1.f / 60);  // let ImGui settle its buffers
  // Only the benchmark build counts them: the shipping editor replaces no operator new.
  const uint64_t a0 = options_.allocation_count ? options_.allocation_count() : 0;
  run("idle", n, [](int) {});
  if (options_.allocation_count) {
    const uint64_t a1 = options_.allocation_count();
    std::printf("bench: idle_allocations_per_frame=%.2f\n", static_cast<double>(a1 - a0) / n);
  } else {
    std::printf("bench: idle_allocations_per_frame=unmeasured (graphony-bench counts them)\n");
  }

  view_.Fit(doc_.score.length_beats);
  run("pan_fitted", n, [&](int i) { view_.PanPixels(std::sin(i * 0.1f) * 6.f, 0); });
  view_.Fit(doc_.score.length_beats);
  view_.ZoomAround(view_.left + view_.width * 0.5f, view_.top + view_.height * 0.5f, 2.5);
  run("pan_zoomed", n,
      [&](int i) { view_.PanPixels(std::sin(i * 0.1f) * 12.f, std::cos(i * 0.1f) * 4.f); });

  // Performance view, playing: the bench moves the playhead itself, so the figure needs no
  // sound device and is the same every run. The N frames cross the whole score once (faster
  // than real playback) so that every part of the picture scrolls past and any cache
  // rebuilds are counted.
  // Entering the performance view: its first frames build the visible tiles (a few per
  // frame, the rest drawn from the picture's texture meanwhile), so the first frame and the
  // worst of the first five are the pause a person sees.
  {
    ui_.transport.playhead_beat = 0;
    const auto e0 = Clock::now();
    audio_.TogglePerformance(window_);
    Frame(1.f / 60);
    glFinish();
    const double first = ms_since(e0);
    double worst = first;
    for (int i = 0; i < 4; ++i) {
      const auto t0 = Clock::now();
      Frame(1.f / 60);
      glFinish();
      worst = std::max(worst, ms_since(t0));
    }
    std::printf("bench: perf_enter     first_ms=%.2f worst_of_5_ms=%.2f\n", first, worst);
  }
  const double beats_per_frame = doc_.score.length_beats / n;
  const char* names[2] = {"perf_scroll", "perf_sweep"};
  for (int mode = 0; mode < 2; ++mode) {
    audio_.SetPerformanceMode(mode);
    // Let the window reach the screen's size and the view fit it before timing.
    for (int i = 0; i < 5; ++i) Frame(1.f / 60);
    double beat = 0;
    run(names[mode], n, [&](int) {
      beat += beats_per_frame;
      if (beat >= doc_.score.length_beats) beat = 0;
      ui_.transport.playhead_beat = beat;  // AfterDraw overwrites it: set before each frame
    });
  }
  std::printf("bench: perf_window=%ux%u beats_per_frame=%.3f\n", window_.getSize().x,
              window_.getSize().y, beats_per_frame);
  audio_.TogglePerformance(window_);
  bridge_.Shutdown();
  window_.close();
  return 0;
}

}  // namespace graphony::editor
