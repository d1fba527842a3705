// Offline render: drives SynthEngine in chunks, measures loudness, streams to libsndfile
// through a temporary file that replaces the output only when complete.
#include "synth/offline_render.h"

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

#include "synth/render_program.h"

namespace graphony {

namespace {

constexpr int kChunk = 4096;
constexpr double kReverbTailSeconds = 3.0;
constexpr double kReleaseTailSeconds = 2.0;

using Sink = std::function<void(const float*, const float*, int)>;

struct Plan {
  std::shared_ptr<const RenderProgram> program;
  double from_beat = 0;
  int64_t frames = 0;
};

Plan MakePlan(const Events& events, const OfflineOptions& o) {
  Plan plan;
  try {
    EngineSettings settings = o.engine;
    if (o.normalise) {
      settings.normalise_loudness = true;
      settings.target_lufs = o.target_lufs;
    }
    plan.program = PrepareProgram(events, settings);
  } catch (const std::exception& e) {
    throw RenderError(e.what());
  }
  const RenderProgram& p = *plan.program;
  const double end_beat = o.to_beat >= 0 ? o.to_beat : p.EndBeat();
  if (!std::isfinite(o.from_beat) || o.from_beat < 0) throw RenderError("--from must be a beat >= 0");
  if (!std::isfinite(end_beat) || (!(end_beat > o.from_beat) && !(o.to_beat < 0 && end_beat == o.from_beat)))
    throw RenderError("the end beat must be after the start beat");
  double tail = o.tail_seconds;
  if (tail < 0) {
    tail = o.engine.reverb_mix > 0 ? kReverbTailSeconds : p.HasVoices() ? kReleaseTailSeconds : 0.0;
  }
  const double seconds = (end_beat - o.from_beat) * 60.0 / p.tempo_bpm + tail;
  plan.from_beat = o.from_beat;
  if (!(seconds >= 0 && seconds <= 6 * 3600.0)) throw RenderError("render longer than 6 hours");
  plan.frames = static_cast<int64_t>(std::llround(seconds * o.engine.sample_rate));
  return plan;
}

void CheckCancel(const std::atomic<bool>* cancel) {
  if (cancel && cancel->load(std::memory_order_relaxed)) throw RenderCancelled();
}

// Runs the engine over the plan, feeding `sink`; `p0`..`p1` is this pass's progress share.
void RunEngine(const Plan& plan, const OfflineOptions& o, float gain, const Sink& sink,
               const ProgressFn& progress, double p0, double p1,
               const std::atomic<bool>* cancel) {
  EngineSettings settings = o.engine;
  settings.master_gain *= gain;
  SynthEngine engine(settings);
  engine.SetProgram(plan.program.get());
  engine.SoloInstrument(o.solo_instrument);
  engine.Seek(plan.from_beat);
  engine.SetPlaying(true);
  std::vector<float> l(kChunk), r(kChunk);
  // The first internal block applies the seek (silence) and the limiter delays the rest:
  // render and drop both so the file starts exactly at from_beat.
  int64_t preroll = 64 + engine.LatencyFrames();
  while (preroll > 0) {
    const int n = static_cast<int>(std::min<int64_t>(preroll, kChunk));
    engine.Render(l.data(), r.data(), n);
    preroll -= n;
  }
  for (int64_t done = 0; done < plan.frames;) {
    CheckCancel(cancel);
    const int n = static_cast<int>(std::min<int64_t>(kChunk, plan.frames - done));
    engine.Render(l.data(), r.data(), n);
    sink(l.data(), r.data(), n);
    done += n;
    if (progress) progress(p0 + (p1 - p0) * static_cast<double>(done) / static_cast<double>(plan.frames));
  }
}

int SndFormat(const FileOptions& f) {
  switch (f.format) {
    case AudioFormat::kOgg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFormat::kFlac:
      switch (f.sample_format) {
        case SampleFormat::kPcm16: return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
        case SampleFormat::kPcm24: return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
        case SampleFormat::kFloat: throw RenderError("FLAC cannot store float samples (use 16 or 24 bit)");
      }
      break;
    case AudioFormat::kWav:
      switch (f.sample_format) {
        case SampleFormat::kPcm16: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        case SampleFormat::kPcm24: return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
        case SampleFormat::kFloat: return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
      }
      break;
  }
  return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
}

// A temporary file next to the target; removed unless Commit() renamed it into place.
class TempAudioFile {
 public:
  TempAudioFile(const std::filesystem::path& target, const FileOptions& f, double sample_rate,
                int64_t frames)
      : target_(target) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::string name = ".";
    name += target.filename().string();
    name += ".XXXXXX";
    const std::string pattern = (dir / name).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    fd_ = mkstemp(buf.data());
    if (fd_ < 0)
      throw RenderError(target.string() + ": cannot write here (" + std::strerror(errno) + ")");
    temp_ = buf.data();
    // mkstemp makes the file private (0600); keep the mode of the file we replace, and give
    // new files the usual 0644, as score and print files get (engine/core/file_io.cpp).
    struct stat old_stat {};
    mode_t mode = 0644;
    if (::stat(target.c_str(), &old_stat) == 0) mode = old_stat.st_mode & 07777;
    (void)::fchmod(fd_, mode);  // not fatal: the audio matters more than the mode bits
    SF_INFO info{};
    info.samplerate = static_cast<int>(std::lround(sample_rate));
    info.channels = 2;
    info.format = SndFormat(f);
    // Plain WAV stops at 4 GB (hours at high rates): switch to RF64, WAV's 64-bit form.
    const int64_t bytes = frames * 2 * (f.sample_format == SampleFormat::kPcm16 ? 2 : f.sample_format == SampleFormat::kPcm24 ? 3 : 4);
    if (f.format == AudioFormat::kWav && bytes > 4000000000LL)
      info.format = SF_FORMAT_RF64 | (info.format & SF_FORMAT_SUBMASK);
    if (!sf_format_check(&info)) Fail("this audio format is not supported");
    file_ = sf_open_fd(fd_, SFM_WRITE, &info, SF_FALSE);
    if (!file_) Fail(std::string("cannot start the audio file (") + sf_strerror(nullptr) + ")");
    if (f.format == AudioFormat::kOgg) {
      double q = std::isfinite(f.quality) ? std::clamp(f.quality, 0.0, 1.0) : 0.6;
      sf_command(file_, SFC_SET_VBR_ENCODING_QUALITY, &q, sizeof q);
    }
    interleaved_.resize(2 * kChunk);
  }
  ~TempAudioFile() {
    if (file_) sf_close(file_);
    if (fd_ >= 0) close(fd_);
    if (!temp_.empty()) std::remove(temp_.c_str());
  }
  void Write(const float* l, const float* r, int n) {
    for (int i = 0; i < n; ++i) {
      interleaved_[static_cast<size_t>(2 * i)] = l[i];
      interleaved_[static_cast<size_t>(2 * i + 1)] = r[i];
    }
    if (sf_writef_float(file_, interleaved_.data(), n) != n)
      Fail(std::string("write failed (") + sf_strerror(file_) + "; is the disk full?)");
  }
  void Commit() {
    const int err = sf_close(file_);
    file_ = nullptr;
    if (err != 0) Fail("could not finish the file");
    if (fsync(fd_) != 0) Fail(std::string("could not flush to disk (") + std::strerror(errno) + ")");
    close(fd_);
    fd_ = -1;
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) Fail("cannot replace the file (" + ec.message() + ")");
    temp_.clear();
  }

 private:
  [[noreturn]] void Fail(const std::string& why) { throw RenderError(target_.string() + ": " + why); }
  std::filesystem::path target_;
  std::string temp_;
  int fd_ = -1;
  SNDFILE* file_ = nullptr;
  std::vector<float> interleaved_;
};

bool InstrumentUsed(const Events& e, int i) {
  for (const auto& n : e.notes) if (n.sounding && n.instrument == i) return true;
  for (const auto& g : e.gestures) if (g.instrument == i && !g.points.empty()) return true;
  for (const auto& b : e.banks) if (b.instrument == i && !b.rows.empty()) return true;
  return false;
}

std::string SafeFileName(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += ok ? c : '-';
  }
  return out.empty() ? "instrument" : out.substr(0, 60);
}

}  // namespace

int64_t OfflineFrameCount(const Events& events, const OfflineOptions& options) {
  return MakePlan(events, options).frames;
}

RenderedAudio RenderToBuffers(const Events& events, const OfflineOptions& options,
                              const ProgressFn& progress, const std::atomic<bool>* cancel) {
  const Plan plan = MakePlan(events, options);
  const float gain = 1.0f;  // normalisation is the program's own loudness gain
  RenderedAudio out;
  out.sample_rate = options.engine.sample_rate;
  out.left.reserve(static_cast<size_t>(plan.frames));
  out.right.reserve(static_cast<size_t>(plan.frames));
  RunEngine(plan, options, gain,
            [&](const float* l, const float* r, int n) {
              out.left.insert(out.left.end(), l, l + n);
              out.right.insert(out.right.end(), r, r + n);
            },
            progress, 0.0, 1.0, cancel);
  return out;
}

AudioFormat AudioFormatFromPath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".wav") return AudioFormat::kWav;
  if (ext == ".flac") return AudioFormat::kFlac;
  if (ext == ".ogg" || ext == ".oga") return AudioFormat::kOgg;
  throw RenderError(path.string() + ": unknown audio format '" + ext +
                    "' (use .wav, .flac or .ogg)");
}

void RenderToFile(const Events& events, const std::filesystem::path& path,
                  const OfflineOptions& options, const FileOptions& file,
                  const ProgressFn& progress, const std::atomic<bool>* cancel) {
  const Plan plan = MakePlan(events, options);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw RenderError(path.string() + ": is a directory");
  const float gain = 1.0f;  // normalisation is the program's own loudness gain
  TempAudioFile out(path, file, options.engine.sample_rate, plan.frames);
  RunEngine(plan, options, gain, [&](const float* l, const float* r, int n) { out.Write(l, r, n); },
            progress, 0.0, 1.0, cancel);
  out.Commit();
}

std::vector<std::filesystem::path> RenderStems(const Events& events, const std::filesystem::path& dir,
                                               const OfflineOptions& options, const FileOptions& file,
                                               const ProgressFn& progress,
                                               const std::atomic<bool>* cancel) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw RenderError(dir.string() + ": cannot create the stems folder (" + ec.message() + ")");
  const char* ext = file.format == AudioFormat::kOgg ? ".ogg" : file.format == AudioFormat::kFlac ? ".flac" : ".wav";
  std::vector<int> used;
  for (int i = 0; i < static_cast<int>(events.instruments.size()); ++i)
    if (InstrumentUsed(events, i)) used.push_back(i);
  std::vector<std::filesystem::path> written;
  for (size_t k = 0; k < used.size(); ++k) {
    const int i = used[k];
    const InstrumentRef& ref = events.instruments[static_cast<size_t>(i)];
    const std::string label = ref.display_name.empty() ? ref.name : ref.display_name;
    const std::filesystem::path path = dir / (std::to_string(i + 1) + "-" + SafeFileName(label) + ext);
    OfflineOptions o = options;
    o.solo_instrument = i;
    const double p0 = static_cast<double>(k) / used.size(), p1 = static_cast<double>(k + 1) / used.size();
    RenderToFile(events, path, o, file,
                 [&](double f) { if (progress) progress(p0 + (p1 - p0) * f); }, cancel);
    written.push_back(path);
  }
  return written;
}

}  // namespace graphony
