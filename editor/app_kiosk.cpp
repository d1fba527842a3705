// Kiosk mode for secure wards: the library jail, the facilitator PIN and the settings it guards.
#include <cmath>
#include <cstdio>

#include "app.h"
#include "edit_helpers.h"
#include "logic/kiosk_pin.h"
#include "logic/ui_sizes.h"
#include "text/ui_text.h"
#include "view_language.h"

namespace graphony::editor {

namespace {
constexpr double kUnlockSeconds = 300;  // a facilitator's few changes, then locked again
}  // namespace

bool App::StartKiosk() {
  std::string error;
  jail_ = LibraryJail::Make(options_.kiosk_library, error);
  if (!jail_) {
    std::fprintf(stderr, "graphony: --kiosk %s\n", error.c_str());
    return false;
  }
  // Without a PIN nobody could reach the settings or quit: set it first.
  pin_hash_ = LoadPinHash(KioskPinPath(), error);
  if (pin_hash_.empty()) {
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
  ui_.jail = &*jail_;
  ui_.participant = true;  // participants see the participant view first
  // The browser and export start in the library, never where the last user worked.
  std::error_code ec;
  const LibraryJail::Verdict last = jail_->Resolve(ui_.settings.last_folder, {}, true);
  if (ui_.settings.last_folder.empty() || !last.ok() ||
      !std::filesystem::is_directory(last.path, ec))
    ui_.settings.last_folder = jail_->Root().string();
  browser_.SetJail(&*jail_);
  return true;
}

bool App::KioskAllows(Guarded why) {
  if (!jail_ || ui_.kiosk_unlocked) return true;
  pin_pad_.Ask(why);
  return false;
}

void App::UpdateKiosk() {
  if (!jail_) return;
  ui_.kiosk_unlocked = ui_.now < unlocked_until_;
  if (ui_.kiosk_wants_pin) {  // a view met something behind the PIN (export outside, device)
    ui_.kiosk_wants_pin = false;
    KioskAllows(Guarded::kUnlock);
  }
  const Guarded done = pin_pad_.Draw(ui_, colors_, pin_hash_);
  if (done != Guarded::kNone) {
    unlocked_until_ = ui_.now + kUnlockSeconds;
    ui_.kiosk_unlocked = true;
    Notify(_("Unlocked for the facilitator for 5 minutes."), false);
  }
  if (done == Guarded::kSettings) open_settings_ = true;
  if (done == Guarded::kQuit) RequestWithSavePrompt(Pending::kQuit);
  std::snprintf(ui_.kiosk_status, sizeof ui_.kiosk_status,
                "kiosk=1\nkiosk.library=%.150s\nkiosk.unlocked=%d\nkiosk.pin_open=%d\n"
                "kiosk.pin_digits=%d\nkiosk.pin_failures=%d\nkiosk.participant=%d\n"
                "kiosk.settings_open=%d\n",
                jail_->Root().c_str(), ui_.kiosk_unlocked ? 1 : 0, pin_pad_.IsOpen() ? 1 : 0,
                pin_pad_.Digits(), pin_pad_.Failures(), ui_.participant ? 1 : 0,
                settings_menu_open_ ? 1 : 0);
}

void App::DrawSettingsMenu() {
  settings_menu_open_ = false;
  // Locked: a plain item that asks for the PIN. Unlocked: the settings themselves.
  if (!ui_.kiosk_unlocked) {
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
      ui_.fonts_dirty = true;
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
  DrawLanguageMenu(ui_);
  ImGui::MenuItem(_("No words: pictures only, colours sound when pointed at"), nullptr,
                  &ui_.settings.no_words);
  ImGui::Separator();
  if (ImGui::MenuItem(_("Lock now"))) unlocked_until_ = -1;
  MarkLastItem(ui_, "menu.settings.lock");
  ImGui::EndMenu();
}

}  // namespace graphony::editor
