// ExportDialog: one worker thread per export; the window keeps drawing, the bar moves.
#include "dialog_export.h"

#include <cstdio>

#include "imgui.h"
#include "interpret/interpret.h"
#include "notation/export.h"
#include "notation/print.h"
#include "synth/offline_render.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKindNames[] = {"WAV sound", "FLAC sound (smaller, same quality)",
                                      "OGG sound (small, for phones)", "MusicXML (notation programs)",
                                      "MIDI", "LilyPond", "PDF to print"};
constexpr const char* kExtensions[] = {".wav", ".flac", ".ogg", ".musicxml", ".mid", ".ly", ".pdf"};
constexpr int kKinds = 7;

bool IsAudio(ExportKind k) { return k == ExportKind::kWav || k == ExportKind::kFlac || k == ExportKind::kOgg; }

}  // namespace

ExportDialog::~ExportDialog() {
  cancel_ = true;
  Join();
}

void ExportDialog::Join() {
  if (worker_.joinable()) worker_.join();
}

void ExportDialog::Open(const Document& doc) {
  open_ = true;
  const fs::path dir = doc.path.empty() ? fs::current_path() : doc.path.parent_path();
  const std::string stem = doc.path.empty() ? std::string("my-score") : doc.path.stem().string();
  std::snprintf(path_, sizeof path_, "%s", (dir / (stem + kExtensions[kind_])).string().c_str());
}

void ExportDialog::Run(const Score& score, ExportKind kind, const fs::path& out, bool stems,
                       std::atomic<double>* progress, const std::atomic<bool>* cancel) {
  const Events events = Interpret(score);
  switch (kind) {
    case ExportKind::kWav:
    case ExportKind::kFlac:
    case ExportKind::kOgg: {
      OfflineOptions options;
      options.engine.assets = score.assets;
      options.normalise = true;  // the same R128 gain as playback and `graphony-cli render`
      FileOptions file;
      file.format = kind == ExportKind::kWav ? AudioFormat::kWav
                    : kind == ExportKind::kFlac ? AudioFormat::kFlac : AudioFormat::kOgg;
      const double mix_share = stems ? 0.5 : 1.0;
      RenderToFile(events, out, options, file, [&](double f) { progress->store(f * mix_share); }, cancel);
      if (stems) {
        const fs::path dir = out.parent_path() / (out.stem().string() + "-stems");
        RenderStems(events, dir, options, file, [&](double f) { progress->store(0.5 + 0.5 * f); }, cancel);
      }
      break;
    }
    case ExportKind::kMusicXml:
    case ExportKind::kMidi:
    case ExportKind::kLilyPond:
      notation::ExportNotation(score, events, out);
      break;
    case ExportKind::kPdf: {
      notation::PrintOptions options;
      notation::PrintScore(score, events, out, options);
      break;
    }
  }
  progress->store(1.0);
}

void ExportDialog::Start(const Document& doc) {
  Join();
  progress_ = 0;
  cancel_ = false;
  done_ = false;
  auto score = std::make_shared<const Score>(doc.score);  // the worker's own copy
  const ExportKind kind = static_cast<ExportKind>(kind_);
  const fs::path out = path_;
  const bool stems = stems_ && IsAudio(kind);
  worker_ = std::thread([this, score, kind, out, stems] {
    std::string message;
    bool error = false;
    try {
      Run(*score, kind, out, stems, &progress_, &cancel_);
      message = "Exported " + out.filename().string() + (stems ? " and one file per instrument" : "");
    } catch (const RenderCancelled&) {
      message = "Export cancelled; nothing was changed.";
    } catch (const std::exception& e) {
      message = e.what();
      error = true;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = message;
    result_error_ = error;
    done_ = true;
  });
}

std::string ExportDialog::Draw(const Document& doc, UiState& ui, bool* is_error) {
  std::string finished;
  if (worker_.joinable() && done_) {
    Join();
    std::lock_guard<std::mutex> lock(mutex_);
    finished = result_;
    *is_error = result_error_;
    last_message_ = result_;
  }
  if (!open_) return finished;
  const float s = ui.settings.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_Appearing);
  bool keep_open = true;
  if (ImGui::Begin("Export", &keep_open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    const bool running = Running();
    ImGui::BeginDisabled(running);
    ImGui::TextUnformatted("What to make:");
    for (int k = 0; k < kKinds; ++k) {
      if (ImGui::RadioButton(kKindNames[k], &kind_, k)) {
        fs::path p = path_;
        p.replace_extension(kExtensions[k]);
        std::snprintf(path_, sizeof path_, "%s", p.string().c_str());
      }
    }
    if (IsAudio(static_cast<ExportKind>(kind_))) {
      ImGui::Checkbox("Also one file per instrument (stems)", &stems_);
    }
    ImGui::TextUnformatted("Save as:");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", path_, sizeof path_);
    ImGui::EndDisabled();
    ImGui::Spacing();
    if (running) {
      char label[32];
      std::snprintf(label, sizeof label, "%.0f%%", progress_.load() * 100);
      ImGui::ProgressBar(static_cast<float>(progress_.load()), ImVec2(-1, 0), label);
      if (ImGui::Button("Cancel", ImVec2(140 * s, 0))) cancel_ = true;
    } else {
      const bool enter = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !io.WantTextInput;
      if (ImGui::Button("Export", ImVec2(140 * s, 0)) || enter) Start(doc);
      ImGui::SameLine();
      if (ImGui::Button("Close", ImVec2(140 * s, 0))) keep_open = false;
      if (!last_message_.empty()) ImGui::TextWrapped("%s", last_message_.c_str());
    }
  }
  ImGui::End();
  if (!keep_open && !Running()) open_ = false;
  return finished;
}

}  // namespace graphony::editor
