// ExportDialog: one worker thread per export; the window keeps drawing, the bar moves.
#include "dialog_export.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "export/export_job.h"
#include "imgui.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKindNames[] = {"WAV sound",
                                      "FLAC sound (smaller, same quality)",
                                      "OGG sound (small, for phones)",
                                      "MusicXML (notation programs)",
                                      "MIDI",
                                      "LilyPond",
                                      "PDF to print"};
constexpr const char* kExtensions[] = {".wav", ".flac", ".ogg", ".musicxml", ".mid", ".ly", ".pdf"};
constexpr int kKinds = 7;

bool IsAudio(ExportKind k) {
  return k == ExportKind::kWav || k == ExportKind::kFlac || k == ExportKind::kOgg;
}

// The export job picks what to make by extension: a path typed without the chosen kind's
// extension (or with another kind's) gets it, so the kind chosen is the kind made.
fs::path OutputFor(ExportKind kind, const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string want = kExtensions[static_cast<int>(kind)];
  const bool ok = ext == want || (kind == ExportKind::kMusicXml && ext == ".xml") ||
                  (kind == ExportKind::kMidi && ext == ".midi") ||
                  (kind == ExportKind::kOgg && ext == ".oga");
  if (ok) return path;
  fs::path fixed = path;
  if (ExportTargetOf(path) != ExportTarget::kUnknown) fixed.replace_extension();
  fixed += want;
  return fixed;
}

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
  // The same job as graphony-cli render/export/print.
  ExportRequest request;
  request.out = OutputFor(kind, out);
  if (stems && IsAudio(kind))
    request.stems_dir = request.out.parent_path() / (request.out.stem().string() + "-stems");
  RunExportJob(
      score, request, [&](double f) { progress->store(f); }, cancel);
}

void ExportDialog::Start(const Document& doc) {
  Join();
  progress_ = 0;
  cancel_ = false;
  done_ = false;
  auto score = std::make_shared<const Score>(doc.score);  // the worker's own copy
  const ExportKind kind = static_cast<ExportKind>(kind_);
  const fs::path out = OutputFor(kind, path_);
  const bool stems = stems_ && IsAudio(kind);
  worker_ = std::thread([this, score, kind, out, stems] {
    std::string message;
    bool error = false;
    try {
      Run(*score, kind, out, stems, &progress_, &cancel_);
      message =
          "Exported " + out.filename().string() + (stems ? " and one file per instrument" : "");
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
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_Appearing);
  bool keep_open = true;
  if (ImGui::Begin("Export", &keep_open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
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
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) &&
                         !io.WantTextInput;
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
