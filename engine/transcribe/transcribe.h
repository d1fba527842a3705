// A take (or any sound file) written onto the painting: decode, hear the notes, add the layer.
// Shared by `graphony-cli transcribe` and the editor's Takes panel.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/score.h"
#include "transcribe/detect_notes.h"

namespace graphony::transcribe {

// Takes longer than this are refused (untrusted input must not exhaust memory or time).
inline constexpr double kMaxTranscribeSeconds = 30 * 60;

struct Request {
  double at_beat = 0;
  int colour = 0;                    // palette index
  std::vector<std::string> players;  // Contributor ids credited (the first owns the strokes)
  std::string layer_name;            // "" = "Transcribed"
  DetectOptions detect;
};

struct Result {
  int layer_index = -1;  // the new layer in score.layers (-1 when no note was heard)
  int notes = 0;
  int folded = 0;  // notes moved by octaves into the playable range
  std::vector<HeardNote> heard;
};

// Decodes `bytes` (WAV/FLAC/OGG), mixes to mono, detects the notes and appends a melody layer
// to `score` when there is at least one. Throws std::runtime_error "<where>: <problem>" for an
// unreadable, empty or too long sound, and for a colour outside the palette.
Result TranscribeSound(Score& score, const std::vector<uint8_t>& bytes, const std::string& where,
                       const Request& request);

// The take named `name` (or with that file): its sound from the bundle's assets, else from
// `score_dir` (a plain score.json's folder), placed at its start beat, credited to its
// players and named after it. Throws std::runtime_error naming the take and the problem.
Result TranscribeTake(Score& score, const std::string& name, const std::filesystem::path& score_dir,
                      int colour, const DetectOptions& detect = {});

// The take `name` names (its name, else its file), or nullptr.
const Take* FindTake(const Score& score, const std::string& name);

}  // namespace graphony::transcribe
