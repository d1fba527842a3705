// Takes panel and take recording. Files travel inside the bundle, so a take is never lost
// when the score is copied to another laptop.
#include "view_takes.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "core/people.h"
#include "core/score_io.h"
#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "synth/sampler_make.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "transcribe/transcribe.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path.filename().string() +
                             i18n::Translate(N_(": the recording was not written")));
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
}

std::string IsoNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// File names people will see in their file manager: letters, digits, - and _ only.
std::string SafeFileName(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '-' || c == '_')
      out += static_cast<char>(c);
    else if (c == ' ' && !out.empty() && out.back() != '-')
      out += '-';
  }
  return out.empty() ? std::string("take") : out;
}

// "group, exhibition": what every player of the take agreed to ("" when nothing).
std::string AllowedPurposes(const Score& score, const Take& take) {
  std::string out;
  for (Purpose p : kPurposes)
    if (TakeAllowed(score, take, p)) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  return out;
}

// [SECTION] Make an instrument from a take

// A square button with the sampler's microphone icon. The first take's is reported to tests
// as rect.take_instrument.
bool MakeInstrumentButton(UiState& ui, bool first) {
  const float side = ImGui::GetFrameHeight();
  const bool pressed = ImGui::Button("##make-instrument", ImVec2(side, side));
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  DrawInstrumentIcon(ImGui::GetWindowDrawList(), InstrumentIcon::kMicrophone,
                     ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), side * 0.7f,
                     ImGui::GetColorU32(ImGuiCol_Text));
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", _("Make an instrument from this take"));
    ui.hint = _("Make an instrument from this take: the current colour then plays it.");
  }
  if (first) MarkLastItem(ui, "take_instrument");
  return pressed;
}

// The take becomes a sampler instrument on the current colour (synth/sampler_make.h), as one
// undoable edit; on any problem the score is unchanged and the message says why.
std::string MakeInstrument(Document& doc, const Take& take, int palette_index) {
  Score changed = doc.score;
  const std::string where = take.name;  // `take` lives in doc.score, which is replaced below
  try {
    SampleRequest request;
    request.take = take.file;
    request.palette_index = palette_index;
    const SampledInstrument made = MakeSampledInstrument(changed, request, where);
    doc.BeginEdit();
    doc.score = std::move(changed);
    doc.EndEdit();
    char msg[300];
    std::snprintf(msg, sizeof msg, i18n::Translate(N_("\"%s\" is now an instrument on colour %d.")),
                  made.name.c_str(), palette_index + 1);
    return msg;
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

TakesPanel::TakesPanel() = default;

TakesPanel::~TakesPanel() {
  if (export_job_.valid()) export_job_.wait();
  std::error_code ec;
  if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
}

void TakesPanel::Begin(LivePlayer& player, bool microphone, bool when_playing_starts) {
  if (temp_dir_.empty()) {
    std::string pattern = (fs::temp_directory_path() / "graphony-takes-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw std::runtime_error(i18n::Translate(N_("cannot make a folder for the recording")));
    temp_dir_ = pattern;
  }
  RecordingOptions options;
  options.output_path = temp_dir_ / "take.wav";
  with_mic_ = microphone && player.InputDeviceName().size() > 0;
  if (with_mic_) options.input_path = temp_dir_ / "take-input.wav";
  options.when_playing_starts = when_playing_starts;
  player.StartRecording(options);
  recording_ = true;
}

std::string TakesPanel::Finish(LivePlayer& player, Document& doc, const UiState& ui) {
  recording_ = false;
  const RecordingSummary summary = player.StopRecording();
  Score& score = doc.score;
  int n = 1;
  auto taken = [&](int k) {
    const std::string f = "recordings/take-" + std::to_string(k) + ".wav";
    if (score.assets.files.count(f)) return true;
    for (const Take& t : score.takes)
      if (t.file == f) return true;
    return false;
  };
  while (taken(n)) ++n;
  Take take;
  take.file = "recordings/take-" + std::to_string(n) + ".wav";
  char name[96];
  std::snprintf(name, sizeof name, i18n::Translate(N_("Take %d")), n);
  take.name = name;
  take.recorded_at = IsoNow();
  take.start_beat = std::clamp(summary.start_beat, 0.0, kMaxBeats);
  // The take's consent is its players' (TakeAllowed), so naming them is all there is to do.
  if (PersonById(score, ui.contributor_id)) take.players.push_back(ui.contributor_id);

  auto bytes = std::make_shared<const std::vector<uint8_t>>(ReadAll(summary.output_path));
  doc.BeginEdit();
  score.assets.files[take.file] = bytes;
  score.takes.push_back(take);
  if (!summary.input_path.empty() && summary.input_frames > 0) {
    Take mic = take;
    mic.file = "recordings/take-" + std::to_string(n) + "-microphone.wav";
    std::snprintf(name, sizeof name, i18n::Translate(N_("%s (microphone)")), take.name.c_str());
    mic.name = name;
    score.assets.files[mic.file] =
        std::make_shared<const std::vector<uint8_t>>(ReadAll(summary.input_path));
    score.takes.push_back(mic);
  }
  doc.EndEdit();
  std::error_code ec;
  fs::remove(summary.output_path, ec);
  if (!summary.input_path.empty()) fs::remove(summary.input_path, ec);
  char msg[400];
  std::snprintf(msg, sizeof msg,
                summary.dropped_frames > 0
                    ? i18n::Translate(N_("%s recorded: %.1f seconds (some sound was lost: the "
                                         "computer was too busy)."))
                    : i18n::Translate(N_("%s recorded: %.1f seconds.")),
                take.name.c_str(), summary.seconds);
  return msg;
}

std::string TakesPanel::TakeMessage() {
  if (export_job_.valid() &&
      export_job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    message_ = export_job_.get();
  // Messages are put together in logical order (some on a worker thread) and shaped here.
  std::string m = message_.empty() ? std::string() : std::string(text::Visual(message_.c_str()));
  message_.clear();
  return m;
}

std::string TakesPanel::WriteOntoPicture(Document& doc, const Take& take, int colour) {
  // Into a copy first: a take with no notes (or a broken file) leaves no empty undo step.
  Score scratch = doc.score;
  const int palette = static_cast<int>(scratch.palette.size());
  try {
    const transcribe::Result r = transcribe::TranscribeTake(
        scratch, take.file, doc.path.empty() ? fs::current_path() : doc.path.parent_path(),
        palette > 0 ? std::clamp(colour, 0, palette - 1) : 0);
    if (r.layer_index < 0) return take.name + i18n::Translate(N_(": no notes were heard."));
    doc.BeginEdit();
    doc.score.layers.push_back(scratch.layers[static_cast<size_t>(r.layer_index)]);
    doc.score.length_beats = scratch.length_beats;
    doc.EndEdit();
    char msg[300];
    std::snprintf(msg, sizeof msg,
                  i18n::TranslatePlural("%s: %d note written onto the picture.",
                                        "%s: %d notes written onto the picture.", r.notes),
                  take.name.c_str(), r.notes);
    return msg;
  } catch (const std::exception& e) {
    return e.what();
  }
}

void TakesPanel::Draw(Document& doc, UiState& ui, LivePlayer* player, const PlayerStatus& status) {
  Score& score = doc.score;
  const bool has_device = player != nullptr;
  take_player_.Update(status, ui.now);
  if (score.takes.empty()) {
    // Wrapped: the panel may be narrow at big UI sizes.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text::Wrapped(recording_ ? _("Recording...")
                             : _("No takes yet. Press the red button to record."));
    ImGui::PopStyleColor();
    return;
  }
  name_edits_.resize(score.takes.size());
  int remove = -1, make = -1;  // applied after the loop: both replace what `take` refers to
  for (size_t i = 0; i < score.takes.size(); ++i) {
    Take& take = score.takes[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    // Rename: edit a copy, commit as one undoable change when the field is left.
    std::string& edit = name_edits_[i];
    if (edit.empty()) edit = take.name;
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s", edit.c_str());
    ImGui::SetNextItemWidth(-1);
    if (text::InputText("##name", buf, sizeof buf)) edit = buf;
    if (ImGui::IsItemDeactivatedAfterEdit() && !edit.empty() && edit != take.name) {
      doc.BeginEdit();
      take.name = edit;
      doc.EndEdit();
    }
    if (!ImGui::IsItemActive()) edit = take.name;

    const bool playing_this = take_player_.Playing() && take_player_.Label() == take.file;
    ImGui::BeginDisabled(!has_device);
    if (ImGui::Button(text::WithId(playing_this ? _("Stop") : _("Play"), "###play"))) {
      if (playing_this) {
        take_player_.Stop(player);
      } else {
        auto it = score.assets.files.find(take.file);
        if (it == score.assets.files.end() || !it->second)
          message_ = take.file + i18n::Translate(N_(": the recording is missing from the score"));
        else
          message_ = take_player_.Play(player, *it->second, take.file);
      }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(text::WithId(_("Export"), "###export"))) {
      auto it = score.assets.files.find(take.file);
      if (it != score.assets.files.end() && it->second && !export_job_.valid()) {
        const fs::path dir = doc.path.empty() ? fs::current_path() : doc.path.parent_path();
        const fs::path out =
            dir / (SafeFileName(take.name) + fs::path(take.file).extension().string());
        auto bytes = it->second;
        export_job_ = std::async(std::launch::async, [bytes, out]() -> std::string {
          try {
            WriteFileAtomically(out, bytes->data(), bytes->size());
            return i18n::Translate(N_("Take saved as ")) + out.string();
          } catch (const std::exception& e) {
            return e.what();
          }
        });
      }
    }
    if (ImGui::IsItemHovered()) ui.hint = _("Save this take as a sound file next to the score.");
    ImGui::SameLine();
    if (MakeInstrumentButton(ui, i == 0)) make = static_cast<int>(i);
    ImGui::SameLine();
    if (ImGui::Button(text::WithId(_("Delete"), "###delete"))) remove = static_cast<int>(i);
    // Transcribe: the notes heard in the take become a melody layer where it was played.
    const ImVec2 icon_at = ImGui::GetCursorScreenPos();
    const float icon = ImGui::GetFrameHeight();
    char write_label[192];  // leading room for the picture glyph drawn over the button
    std::snprintf(write_label, sizeof write_label, "      %s###transcribe",
                  _("Write this take onto the picture"));
    if (ImGui::Button(write_label)) message_ = WriteOntoPicture(doc, take, ui.palette_index);
    char mark[40];
    std::snprintf(mark, sizeof mark, "takes.transcribe.%zu", i);
    MarkLastItem(ui, mark);
    DrawGlyph(ImGui::GetWindowDrawList(), Glyph::kPicture,
              ImVec2(icon_at.x + icon * 0.75f, icon_at.y + icon * 0.5f), icon * 0.6f,
              ImGui::GetColorU32(ImGuiCol_Text));
    if (ImGui::IsItemHovered())
      ui.hint = _("Listen to this take and paint its notes as a new layer, in the chosen colour.");
    // Who played (from the People), and what the recording may be used for: only what every
    // player agreed to, read from them each frame, so it can never contradict them.
    ImGui::TextDisabled("%s", _("Played by:"));
    for (const Contributor& c : score.contributors) {
      bool on = std::find(take.players.begin(), take.players.end(), c.id) != take.players.end();
      ImGui::PushID(c.id.c_str());
      const bool changed = ImGui::Checkbox(DisplayName(c).c_str(), &on);
      ImGui::PopID();
      if (changed) {
        doc.BeginEdit();
        if (on)
          take.players.push_back(c.id);
        else
          take.players.erase(std::remove(take.players.begin(), take.players.end(), c.id),
                             take.players.end());
        doc.EndEdit();
      }
    }
    const std::string allowed = AllowedPurposes(score, take);
    ImGui::PushTextWrapPos(0);
    if (take.players.empty())
      text::Wrapped(_("Tick who played: their consent decides where the take may go."));
    else if (allowed.empty())
      text::Wrapped(_("Stays here: not every player agreed to sharing."));
    else
      text::Wrapped(text::Printf(_("Everyone agreed to: %s"), allowed.c_str()));
    const std::string keep = TakeKeepUntil(score, take);
    if (!keep.empty()) text::Wrapped(text::Printf(_("Keep until %s"), keep.c_str()));
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
  if (make >= 0) message_ = MakeInstrument(doc, score.takes[make], ui.palette_index);
  if (remove >= 0) {
    if (take_player_.Label() == score.takes[remove].file) take_player_.Stop(player);
    doc.BeginEdit();
    const std::string file = score.takes[remove].file;
    score.takes.erase(score.takes.begin() + remove);
    bool still_used = false;
    for (const Take& t : score.takes) still_used |= t.file == file;
    if (!still_used) score.assets.files.erase(file);
    doc.EndEdit();
    name_edits_.clear();
  }
}

}  // namespace graphony::editor
