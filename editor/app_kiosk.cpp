// Kiosk mode for secure wards: the library jail, the facilitator PIN and the settings it guards;
// turned on from the command line (--kiosk) or from Settings, and off only with the PIN.
#include <cmath>
#include <cstdio>
#include <system_error>

#include "app.h"
#include "core/trusted_programs.h"
#include "edit_helpers.h"
#include "logic/kiosk_pin.h"
#include "logic/ui_sizes.h"
#include "text/ui_text.h"
#include "view_language.h"
#include "word_button.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {
constexpr double kUnlockSeconds = 300;  // a facilitator's few changes, then locked again
}  // namespace

bool App::EnterKiosk(const fs::path& library, std::string& error) {
  std::optional<LibraryJail> jail = LibraryJail::Make(library, error);
  if (!jail) {
    error = "--kiosk " + error;
    return false;
  }
  // Without a PIN nobody could reach the settings or quit: set it first.
  const std::string hash = LoadPinHash(KioskPinPath(), error);
  if (hash.empty()) return false;
  jail_ = std::move(jail);
  pin_hash_ = hash;
  RestrictToTrustedPrograms();  // only LilyPond and qpdf, by absolute path (until a restart)
  ui_.jail = &*jail_;
  ui_.participant = true;  // participants see the participant view first
  ui_.kiosk_unlocked = false;
  unlocked_until_ = -1;
  // The browser and export start in the library, never where the last user worked.
  std::error_code ec;
  const LibraryJail::Verdict last = jail_->Resolve(ui_.settings.last_folder, {}, true);
  if (ui_.settings.last_folder.empty() || !last.ok() ||
      !std::filesystem::is_directory(last.path, ec))
    ui_.settings.last_folder = jail_->Root().string();
  browser_.SetJail(&*jail_);
  // A score or course from outside the library stays open, but is saved into the library.
  if (!doc_.path.empty() && !jail_->Resolve(doc_.path, {}, false).ok()) {
    doc_.path.clear();
    UpdateFileLabel();
  }
  if (!ui_.course_dir.empty() && !jail_->Resolve(ui_.course_dir, {}, true).ok()) {
    ui_.course_dir.clear();
    course_view_.Close();
  }
  course_view_.SetJail(&*jail_);
  return true;
}

bool App::StartKiosk() {
  std::string error;
  if (!EnterKiosk(options_.kiosk_library, error)) {
    std::fprintf(stderr, "graphony: %s\n", error.c_str());
    return false;
  }
  if (!options_.file.empty()) {
    const LibraryJail::Verdict v = jail_->Resolve(options_.file, jail_->Root(), false);
    if (!v.ok()) {
      std::fprintf(stderr, "graphony: %s: %s\n", options_.file.c_str(), v.reason.c_str());
      return false;
    }
    options_.file = v.path;
  }
  return true;
}

void App::LeaveKiosk() {
  jail_.reset();
  ui_.jail = nullptr;
  ui_.kiosk_unlocked = false;
  ui_.kiosk_status[0] = '\0';
  unlocked_until_ = -1;
  browser_.SetJail(nullptr);
  course_view_.SetJail(nullptr);
  ui_.settings.kiosk_library.clear();
  if (!settings_file_.empty()) SaveSettings(ui_.settings, settings_file_);
  Notify(_("Kiosk mode is off."), false);
}

bool App::KioskAllows(Guarded why) {
  if (!jail_ || ui_.kiosk_unlocked) return true;
  pin_pad_.Ask(why);
  return false;
}

void App::UpdateKiosk() {
  if (jail_) ui_.kiosk_unlocked = ui_.now < unlocked_until_;
  if (jail_ && ui_.kiosk_wants_pin) {  // a view met something behind the PIN (export, device)
    ui_.kiosk_wants_pin = false;
    KioskAllows(Guarded::kUnlock);
  }
  DrawKioskSetup();
  const Guarded done = pin_pad_.Draw(ui_, colors_, pin_hash_);
  switch (done) {
    case Guarded::kNone:
      break;
    case Guarded::kSettings:
    case Guarded::kQuit:
    case Guarded::kUnlock:
      unlocked_until_ = ui_.now + kUnlockSeconds;
      ui_.kiosk_unlocked = true;
      Notify(_("Unlocked for the facilitator for 5 minutes."), false);
      if (done == Guarded::kSettings) open_settings_ = true;
      if (done == Guarded::kQuit) RequestWithSavePrompt(Pending::kQuit);
      break;
    case Guarded::kKioskOn: {
      std::string error;
      // A PIN just chosen is stored (only its hash) before kiosk mode reads it back.
      if (!pin_pad_.NewHash().empty() && !SavePinHash(KioskPinPath(), pin_pad_.NewHash(), error)) {
        NotifyError(error);
        break;
      }
      if (!EnterKiosk(kiosk_setup_library_, error)) {
        NotifyError(error);
        break;
      }
      kiosk_setup_open_ = false;
      ui_.settings.kiosk_library = jail_->Root().string();  // kept: the next start is a kiosk
      if (!settings_file_.empty()) SaveSettings(ui_.settings, settings_file_);
      Notify(_("Kiosk mode is on."), false);
      break;
    }
    case Guarded::kKioskOff:
      LeaveKiosk();
      break;
  }
  if (!jail_) {
    std::snprintf(ui_.kiosk_status, sizeof ui_.kiosk_status,
                  "kiosk=0\nkiosk.setup_open=%d\nkiosk.pin_open=%d\nkiosk.pin_setting=%d\n"
                  "kiosk.pin_digits=%d\nkiosk.pin_failures=%d\n",
                  kiosk_setup_open_ ? 1 : 0, pin_pad_.IsOpen() ? 1 : 0, pin_pad_.Setting(),
                  pin_pad_.Digits(), pin_pad_.Failures());
    return;
  }
  std::snprintf(ui_.kiosk_status, sizeof ui_.kiosk_status,
                "kiosk=1\nkiosk.library=%.150s\nkiosk.unlocked=%d\nkiosk.pin_open=%d\n"
                "kiosk.pin_digits=%d\nkiosk.pin_failures=%d\nkiosk.participant=%d\n"
                "kiosk.settings_open=%d\nkiosk.pin_setting=%d\n",
                jail_->Root().c_str(), ui_.kiosk_unlocked ? 1 : 0, pin_pad_.IsOpen() ? 1 : 0,
                pin_pad_.Digits(), pin_pad_.Failures(), ui_.participant ? 1 : 0,
                settings_menu_open_ ? 1 : 0, pin_pad_.Setting());
}

void App::DrawKioskSetup() {
  if (!kiosk_setup_open_ || jail_) return;
  const float s = ui_.settings.ui_scale;
  const float b = std::max(48.f, std::round(52 * s));
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(560 * s, io.DisplaySize.x * 0.95f), 0),
                                      ImVec2(io.DisplaySize.x * 0.95f, io.DisplaySize.y * 0.95f));
  bool keep_open = true;
  if (ImGui::Begin(text::WithId(_("Kiosk mode for a secure ward"), "###kiosksetup"), &keep_open,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushTextWrapPos(std::min(560 * s, io.DisplaySize.x * 0.9f));
    ImGui::TextUnformatted(
        _("Participants will see only the library folder. Settings, quitting, the sound "
          "device and exporting elsewhere will need the facilitator PIN."));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::TextUnformatted(_("Library folder:"));
    ImGui::TextDisabled(
        "%s", kiosk_setup_library_.empty() ? _("(not chosen yet)") : kiosk_setup_library_.c_str());
    if (WordButton("##choose", Glyph::kFolder, _("Choose the folder"), b, colors_.icon, ui_,
                   "kiosk.choose_folder"))
      OpenBrowser(FileBrowser::Purpose::kChooseFolder);
    ImGui::Spacing();
    ImGui::BeginDisabled(kiosk_setup_library_.empty());
    if (WordButton("##on", Glyph::kLock, _("Turn kiosk mode on"), b, colors_.accent, ui_,
                   "kiosk.turn_on")) {
      // The PIN set before is asked for; with none yet, a new one is chosen (twice).
      std::string error;
      pin_hash_ = LoadPinHash(KioskPinPath(), error);
      if (pin_hash_.empty())
        pin_pad_.AskNew(Guarded::kKioskOn);
      else
        pin_pad_.Ask(Guarded::kKioskOn);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (WordButton("##cancel", Glyph::kCross, _("Cancel"), b, colors_.icon, ui_,
                   "kiosk.setup_cancel"))
      keep_open = false;
  }
  ImGui::End();
  if (!keep_open) kiosk_setup_open_ = false;
}

// The look and the UI size: one list, in Settings in both modes.
void App::DrawSettingsMenu() {
  settings_menu_open_ = false;
  // Kiosk mode, locked: a plain item that asks for the PIN. Else the settings themselves.
  if (jail_ && !ui_.kiosk_unlocked) {
    if (ImGui::MenuItem(text::WithId(_("Settings"), "###settings")))
      KioskAllows(Guarded::kSettings);
    MarkLastItem(ui_, "menu.settings");
    return;
  }
  if (open_settings_) {  // the PIN was just given for them: open the menu at once
    ImGui::OpenPopup("###settings");
    open_settings_ = false;
  }
  const bool open = ImGui::BeginMenu(text::WithId(_("Settings"), "###settings"));
  if (!open) {
    MarkLastItem(ui_, "menu.settings");
    return;
  }
  settings_menu_open_ = true;
  for (int i = 0; i < kThemeCount; ++i)
    if (ImGui::MenuItem(_(kThemeLabels[i]), nullptr, ui_.settings.theme == i)) {
      ui_.settings.theme = i;
      ui_.fonts_dirty = true;  // re-applies the style too
    }
  ImGui::Separator();
  for (const UiSize& size : kUiSizes)
    if (ImGui::MenuItem(_(size.label), nullptr,
                        std::fabs(ui_.settings.ui_scale - size.scale) < 0.01f)) {
      ui_.settings.ui_scale = size.scale;
      ui_.fonts_dirty = true;
      ui_.want_fit = true;
    }
  ImGui::Separator();
  if (jail_) {  // kiosk mode has no language menu of its own: it is here, behind the PIN
    DrawLanguageMenu(ui_);
    ImGui::MenuItem(_("No words: pictures only, colours sound when pointed at"), nullptr,
                    &ui_.settings.no_words);
    ImGui::Separator();
    if (ImGui::MenuItem(_("Lock now"))) unlocked_until_ = -1;
    MarkLastItem(ui_, "menu.settings.lock");
    // Asks for the PIN again even while unlocked: leaving is the facilitator's alone.
    if (ImGui::MenuItem(_("Turn kiosk mode off..."))) pin_pad_.Ask(Guarded::kKioskOff);
    MarkLastItem(ui_, "menu.settings.kiosk_off");
  } else {
    if (ImGui::MenuItem(_("Kiosk mode for a secure ward..."))) {
      ui_.commands.Push(AppCommand::kKioskSetup);
    }
    MarkLastItem(ui_, "menu.settings.kiosk_on");
  }
  ImGui::EndMenu();
}

}  // namespace graphony::editor
