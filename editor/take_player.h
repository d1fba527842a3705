// Plays a recorded take (bytes from the score bundle) through its own PortAudio stream, next
// to the live player, so listening back never disturbs the score's program.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

typedef void PaStream;
struct PaStreamCallbackTimeInfo;

namespace graphony {
class PortAudioSession;
}

namespace graphony::editor {

// Thread rules: [UI] for every public function; the stream callback only reads the buffer
// and advances an atomic position.
class TakePlayer {
 public:
  TakePlayer();
  ~TakePlayer();
  TakePlayer(const TakePlayer&) = delete;
  TakePlayer& operator=(const TakePlayer&) = delete;

  // Decodes `bytes` (WAV/FLAC/OGG) and starts playing on `device_spec` (FindDevice rules).
  // Returns "" or a one-line error.
  std::string Play(const std::vector<uint8_t>& bytes, const std::string& device_spec,
                   const std::string& label);
  void Stop();
  bool Playing() const;
  const std::string& Label() const { return label_; }
  double Fraction() const;  // 0..1 played

 private:
  static int Callback(const void*, void* out, unsigned long frames, const PaStreamCallbackTimeInfo*,
                      unsigned long, void* self);
  std::unique_ptr<PortAudioSession> session_;
  PaStream* stream_ = nullptr;
  std::vector<float> samples_;  // interleaved stereo
  std::atomic<int64_t> position_{0};
  int64_t frames_ = 0;
  std::string label_;
};

}  // namespace graphony::editor
