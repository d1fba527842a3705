// The one export job: score -> Interpret -> an audio file (and stems), a notation file
// (MusicXML, MIDI, LilyPond) or a printed score (PDF, SVG), chosen by the output's extension.
// The editor's export dialog and graphony-cli render, export and print all run this, so a
// file exported from either is made the same way (same engine settings, bundle files included).
// Thread: any thread; progress and cancel are polled on it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/score.h"
#include "notation/notation.h"
#include "notation/print.h"
#include "synth/offline_render.h"

namespace graphony {

enum class ExportTarget { kAudio, kNotation, kPrint, kUnknown };

// By extension: .wav .flac .ogg .oga -> audio; .musicxml .xml .mid .midi .ly -> notation;
// .pdf .svg -> print.
ExportTarget ExportTargetOf(const std::filesystem::path& out);

struct ExportRequest {
  std::filesystem::path out;        // may be empty when only stems are wanted
  std::filesystem::path stems_dir;  // audio: also one file per instrument here ("" = none)
  // The caller's engine choices (the score's files are added); loudness is normalised (EBU
  // R128, -16 LUFS) unless the caller says otherwise, as playback is.
  OfflineOptions audio = [] {
    OfflineOptions o;
    o.normalise = true;
    return o;
  }();
  FileOptions file;              // sample format and quality; the format comes from `out`
                                 // (WAV for stems alone)
  std::string paper = "a4";      // notation files
  notation::PrintOptions print;  // print
};

struct ExportResult {
  ExportTarget target = ExportTarget::kUnknown;
  int64_t audio_frames = 0;  // frames in `out` (audio)
  double sample_rate = 0;
  std::vector<std::filesystem::path> stems;
  notation::NotationScore notation;  // what was written (notation)
  notation::PrintResult print;       // pages written (print)
};

// Throws RenderError / RenderCancelled (audio), ScoreError (notation, print, the score), or
// std::runtime_error for an output this job cannot make. Progress goes 0..1.
ExportResult RunExportJob(const Score& score, const ExportRequest& request,
                          const ProgressFn& progress = {},
                          const std::atomic<bool>* cancel = nullptr);

}  // namespace graphony
