// Menu bar (for facilitators who read) and the modal dialogs: unsaved changes, errors, crash
// recovery, file browser.
#include <cmath>
#include <system_error>

#include "app.h"
#include "core/score_io.h"
#include "edit_helpers.h"
#include "icons.h"
#include "logic/ui_sizes.h"
#include "text/ui_text.h"
#include "view_language.h"
#include "word_button.h"

namespace graphony::editor {

namespace {

// The dialogs' buttons: big, a glyph and a word (the glyph alone with "no words").
bool DialogButton(const char* label, Glyph glyph, ImU32 col, UiState& ui, const char* name) {
  const float s = ui.settings.ui_scale;
  return WordButton("##b", glyph, label, std::round(52 * s), col, ui, name, 150 * s);
}

void CenterNext() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

constexpr ImGuiWindowFlags kDialogFlags =
    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;

}  // namespace

void App::DrawMenuBar() {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool file_open = ImGui::BeginMenu(text::WithId(_("File"), "##file_menu"));
  if (!file_open) MarkLastItem(ui_, "menu.file");
  if (file_open) {
    if (ImGui::MenuItem(_("New"), "Ctrl+N")) ui_.commands.Push(AppCommand::kNew);
    if (ImGui::MenuItem(_("Open..."), "Ctrl+O")) ui_.commands.Push(AppCommand::kOpen);
    if (ImGui::MenuItem(_("Open course..."))) ui_.commands.Push(AppCommand::kOpenCourse);
    MarkLastItem(ui_, "menu.file.open_course");
    if (!ui_.course_dir.empty()) {  // a course is open: its timeline and its booklet
      if (ImGui::MenuItem(_("Course timeline"))) ui_.commands.Push(AppCommand::kShowCourse);
      MarkLastItem(ui_, "menu.file.course");
      if (ImGui::MenuItem(_("Portfolio booklet..."))) ui_.commands.Push(AppCommand::kPortfolio);
      MarkLastItem(ui_, "menu.file.portfolio");
    }
    if (ImGui::MenuItem(_("Save"), "Ctrl+S")) ui_.commands.Push(AppCommand::kSave);
    if (ImGui::MenuItem(_("Save as..."), "Ctrl+Shift+S")) ui_.commands.Push(AppCommand::kSaveAs);
    ImGui::Separator();
    if (ImGui::MenuItem(_("Add a picture..."), "Ctrl+I"))
      ui_.commands.Push(AppCommand::kImportImage);
    ImGui::Separator();
    if (ImGui::MenuItem(_("Quit"), "Ctrl+Q")) ui_.commands.Push(AppCommand::kQuit);
    ImGui::EndMenu();
  }
  // Tests find the menus by name (ControlRects); an open menu's item rect is its popup's.
  const bool edit_open = ImGui::BeginMenu(text::WithId(_("Edit"), "##edit_menu"));
  if (!edit_open) MarkLastItem(ui_, "menu.edit");
  if (edit_open) {
    if (ImGui::MenuItem(_("Undo"), "Ctrl+Z", false, doc_.CanUndo()))
      ui_.commands.Push(AppCommand::kUndo);
    if (ImGui::MenuItem(_("Redo"), "Ctrl+Y", false, doc_.CanRedo()))
      ui_.commands.Push(AppCommand::kRedo);
    if (ImGui::MenuItem(_("Delete picked strokes"), _("Delete"), false, !ui_.selection.empty()))
      ui_.commands.Push(AppCommand::kDeleteSelection);
    ImGui::Separator();
    if (ImGui::MenuItem(_("People, credit and consent...")))
      ui_.commands.Push(AppCommand::kShowPeople);
    MarkLastItem(ui_, "menu.people");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(text::WithId(_("View"), "##view_menu"))) {
    if (ImGui::MenuItem(_("Show everything"), "0")) ui_.commands.Push(AppCommand::kFit);
    if (ImGui::MenuItem(_("Zoom in"), "+")) ui_.commands.Push(AppCommand::kZoomIn);
    if (ImGui::MenuItem(_("Zoom out"), "-")) ui_.commands.Push(AppCommand::kZoomOut);
    ImGui::MenuItem(_("Note names"), nullptr, &ui_.settings.note_names);
    ImGui::MenuItem(_("No words: pictures only, colours sound when pointed at"), nullptr,
                    &ui_.settings.no_words);
    if (ImGui::MenuItem(_("Participant view"), "F9"))
      ui_.commands.Push(AppCommand::kToggleParticipant);
    ImGui::EndMenu();
  }
  DrawSettingsMenu();  // the look and the size; in kiosk mode the language too, behind the PIN
  if (!jail_) DrawLanguageMenu(ui_);  // the language, in its own name
  ImGui::EndMainMenuBar();
}

void App::DrawDialogs() {
  const float s = ui_.settings.ui_scale;
  // [SECTION] File browser
  if (browser_.IsOpen()) {
    const FileBrowser::Purpose purpose = browser_.CurrentPurpose();
    if (auto chosen = browser_.Draw(ui_, colors_)) {
      RememberFolder(*chosen);
      switch (purpose) {
        case FileBrowser::Purpose::kOpenScore:
          OpenDocument(*chosen);
          break;
        case FileBrowser::Purpose::kSaveScore:
          if (SaveDocument(*chosen)) {
            const Pending after = after_save_as_;
            after_save_as_ = Pending::kNone;
            DoPending(after);
          }
          break;
        case FileBrowser::Purpose::kImportImage:
          ImportImage(*chosen);
          break;
        case FileBrowser::Purpose::kImportPeople:
          ImportPeople(*chosen);
          break;
        case FileBrowser::Purpose::kOpenCourse:
          OpenCourse(*chosen);
          break;
        case FileBrowser::Purpose::kChooseFolder:
          kiosk_setup_library_ = *chosen;
          break;
      }
    }
  }

  // [SECTION] Unsaved changes
  if (show_unsaved_prompt_) {
    ImGui::OpenPopup("###unsaved");
    show_unsaved_prompt_ = false;
  }
  CenterNext();
  if (ImGui::BeginPopupModal(text::WithId(_("Keep your changes?"), "###unsaved"), nullptr,
                             kDialogFlags)) {
    ImGui::TextUnformatted(_("This score has changes that are not saved yet."));
    ImGui::Spacing();
    ImGui::PushID("unsaved");
    ImGui::PushID(1);
    if (DialogButton(_("Save"), Glyph::kCheck, colors_.accent, ui_, "unsaved.save")) {
      ImGui::CloseCurrentPopup();
      if (doc_.path.empty()) {
        after_save_as_ = pending_;
        OpenBrowser(FileBrowser::Purpose::kSaveScore);
      } else if (SaveDocument(doc_.path)) {
        DoPending(pending_);
      }
      pending_ = Pending::kNone;
    }
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::PushID(2);
    if (DialogButton(_("Don't save"), Glyph::kTrash, colors_.warning, ui_, "unsaved.discard")) {
      ImGui::CloseCurrentPopup();
      DoPending(pending_);
      pending_ = Pending::kNone;
    }
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::PushID(3);
    if (DialogButton(_("Cancel"), Glyph::kCross, colors_.icon, ui_, "unsaved.cancel") ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      ImGui::CloseCurrentPopup();
      pending_ = Pending::kNone;
    }
    ImGui::PopID();
    ImGui::PopID();
    ImGui::EndPopup();
  }

  // [SECTION] Crash recovery
  if (show_recovery_) {
    ImGui::OpenPopup("###recover");
    show_recovery_ = false;
  }
  CenterNext();
  if (ImGui::BeginPopupModal(text::WithId(_("Recover your work?"), "###recover"), nullptr,
                             kDialogFlags)) {
    // Said so that it is true after a crash and after a logout with unsaved work alike.
    ImGui::TextUnformatted(_("Graphony closed last time before this work was saved."));
    ImGui::TextUnformatted(_("Your work was kept. Bring it back?"));
    if (!recovery_.origin.empty()) ImGui::TextDisabled("%s", recovery_.origin.filename().c_str());
    ImGui::Spacing();
    ImGui::PushID("recover");
    ImGui::PushID(1);
    if (DialogButton(_("Recover"), Glyph::kCheck, colors_.accent, ui_, "recover.recover")) {
      ImGui::CloseCurrentPopup();
      if (OpenDocument(recovery_.autosave)) {
        // The recovered work belongs to its original file (if any) and is not saved there yet.
        doc_.path = recovery_.origin;
        // Kiosk mode: work begun outside the library is saved into it (Save asks where).
        if (jail_ && !doc_.path.empty() && !jail_->Resolve(doc_.path, {}, false).ok())
          doc_.path.clear();
        doc_.dirty = true;
        UpdateFileLabel();
        RemoveAutosave(recovery_.autosave);
      }
    }
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::PushID(2);
    if (DialogButton(_("Discard"), Glyph::kTrash, colors_.warning, ui_, "recover.discard")) {
      ImGui::CloseCurrentPopup();
      RemoveAutosave(recovery_.autosave);
    }
    ImGui::PopID();
    ImGui::PopID();
    ImGui::EndPopup();
  }

  // [SECTION] Errors (a broken file or picture: a message, never a crash)
  if (show_error_) {
    ImGui::OpenPopup("###error");
    show_error_ = false;
  }
  CenterNext();
  ImGui::SetNextWindowSizeConstraints(ImVec2(300 * s, 0),
                                      ImVec2(ImGui::GetIO().DisplaySize.x * 0.8f, FLT_MAX));
  if (ImGui::BeginPopupModal(text::WithId(_("Something went wrong"), "###error"), nullptr,
                             kDialogFlags)) {
    ImGui::PushTextWrapPos(ImGui::GetIO().DisplaySize.x * 0.7f);
    ImGui::TextUnformatted(text::Visual(error_text_.c_str()));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushID("error");
    if (DialogButton(_("OK"), Glyph::kCheck, colors_.accent, ui_, "error.ok") ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::PopID();
    ImGui::EndPopup();
  }
}

}  // namespace graphony::editor
