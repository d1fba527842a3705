// TranscribeSound / TranscribeTake: the sound file read once, heard once, placed once.
#include "transcribe/transcribe.h"

#include <stdexcept>

#include "core/file_io.h"
#include "core/people.h"
#include "synth/sound_file.h"
#include "transcribe/melody_layer.h"

namespace graphony::transcribe {

Result TranscribeSound(Score& score, const std::vector<uint8_t>& bytes, const std::string& where,
                       const Request& request) {
  if (!score.palette.empty() &&
      (request.colour < 0 || request.colour >= static_cast<int>(score.palette.size())))
    throw std::runtime_error(where + ": colour " + std::to_string(request.colour) +
                             " is not in the palette (0 to " +
                             std::to_string(score.palette.size() - 1) + ")");
  const DecodedSound sound = ReadSoundFile(bytes, where, kMaxTranscribeSeconds);
  if (sound.Frames() == 0 || sound.channels <= 0)
    throw std::runtime_error(where + ": the sound file holds no audio");
  std::vector<float> mono(static_cast<size_t>(sound.Frames()));
  for (size_t i = 0; i < mono.size(); ++i) {
    float sum = 0;
    for (int c = 0; c < sound.channels; ++c)
      sum += sound.samples[i * static_cast<size_t>(sound.channels) + static_cast<size_t>(c)];
    mono[i] = sum / static_cast<float>(sound.channels);
  }
  Result result;
  try {
    result.heard = DetectNotes(mono, sound.sample_rate, request.detect);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where + ": " + e.what());
  }
  if (result.heard.empty()) return result;

  Placement placement;
  placement.at_beat = request.at_beat;
  placement.colour = request.colour;
  for (const std::string& id : request.players)
    if (PersonById(score, id)) {
      placement.contributor = id;
      break;
    }
  placement.layer_name = request.layer_name.empty() ? "Transcribed" : request.layer_name;
  MelodyLayer melody = BuildMelodyLayer(score, result.heard, placement);
  result.notes = melody.notes;
  result.folded = melody.folded;
  if (melody.notes == 0) return result;
  score.layers.push_back(std::move(melody.layer));
  result.layer_index = static_cast<int>(score.layers.size()) - 1;
  // The score grows to hold the melody, as it does for painting past the end.
  for (const Stroke& s : score.layers.back().strokes.strokes)
    for (const StrokePoint& p : s.points)
      if (p.beat + 1 > score.length_beats) score.length_beats = std::min(kMaxBeats, p.beat + 1);
  return result;
}

const Take* FindTake(const Score& score, const std::string& name) {
  for (const Take& t : score.takes)
    if (t.name == name) return &t;
  for (const Take& t : score.takes)
    if (t.file == name) return &t;
  return nullptr;
}

Result TranscribeTake(Score& score, const std::string& name, const std::filesystem::path& score_dir,
                      int colour, const DetectOptions& detect) {
  const Take* found = FindTake(score, name);
  if (!found) throw std::runtime_error("take \"" + name + "\": no take by that name in the score");
  const Take take = *found;  // the score changes below
  std::vector<uint8_t> bytes;
  auto it = score.assets.files.find(take.file);
  if (it != score.assets.files.end() && it->second) {
    bytes = *it->second;
  } else {
    if (!IsSafeRelativePath(take.file))
      throw std::runtime_error(take.file + ": the take's file is outside the score's folder");
    bytes = ReadFileInside(score_dir, take.file, take.file, kMaxEntryBytes);
  }
  Request request;
  request.at_beat = take.start_beat;
  request.colour = colour;
  request.players = take.players;
  request.detect = detect;
  // The layer names the take and who played it, so every player is on the picture even
  // though each stroke credits one person.
  std::string who;
  for (const std::string& id : take.players)
    if (const Contributor* c = PersonById(score, id))
      who += (who.empty() ? "" : ", ") + DisplayName(*c);
  request.layer_name = take.name + (who.empty() ? "" : " (" + who + ")");
  return TranscribeSound(score, bytes, take.file, request);
}

}  // namespace graphony::transcribe
