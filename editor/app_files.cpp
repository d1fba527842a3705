// New / open / save / save as, picture import, autosave and crash recovery. Bad files become
// messages, never crashes.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

#include "app.h"
#include "core/file_io.h"
#include "core/image_decode.h"
#include "core/people.h"
#include "core/picture_shape.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "course/course.h"
#include "course/session_log.h"
#include "logic/file_suggestions.h"
#include "logic/people_commands.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

// Bytes of the decoded pictures the score already holds (each shared picture once).
uint64_t DecodedPictureBytes(const Score& score) {
  std::vector<const Image*> seen;
  uint64_t total = 0;
  for (const Layer& layer : score.layers) {
    const Image* image = layer.kind == Layer::Kind::kImage ? layer.image.pixels.get() : nullptr;
    if (!image || std::find(seen.begin(), seen.end(), image) != seen.end()) continue;
    seen.push_back(image);
    total += image->rgba.size();
  }
  return total;
}

}  // namespace

void App::Notify(const char* text, bool is_error) {
  std::snprintf(ui_.message, sizeof ui_.message, "%s", text);
  ui_.message_is_error = is_error;
  ui_.message_until = ui_.now + (is_error ? 12 : 4);
}

void App::NotifyError(const std::string& text) {
  Notify(text.c_str(), true);
  error_text_ = text;
  show_error_ = true;
}

void App::UpdateFileLabel() {
  std::snprintf(file_label_, sizeof file_label_, "%s", doc_.path.filename().string().c_str());
  const std::string title =
      doc_.path.empty() ? std::string("Graphony") : "Graphony - " + doc_.path.filename().string();
  window_.setTitle(title);
}

void App::RequestWithSavePrompt(Pending action) {
  if (doc_.dirty && action != Pending::kNone) {
    pending_ = action;
    show_unsaved_prompt_ = true;
    return;
  }
  DoPending(action);
}

void App::DoPending(Pending action) {
  switch (action) {
    case Pending::kNone:
      break;
    case Pending::kNew:
      NewDocument();
      break;
    case Pending::kOpen:
      OpenBrowser(FileBrowser::Purpose::kOpenScore);
      break;
    case Pending::kQuit:
      running_ = false;
      break;
    case Pending::kOpenPath:
      if (OpenDocument(pending_path_)) course_view_.Close();
      break;
    case Pending::kNewInSession:
      NewScoreInSession(pending_path_);
      break;
  }
}

void App::FlushActivity(const fs::path& score, bool close) {
  // Taken even when nothing is recorded: minutes of a plain score never pile onto the next.
  const std::map<std::string, double> minutes = activity_.TakeMinutes(close);
  if (score.empty() || !CourseOfFile(score)) return;
  for (const auto& [person, m] : minutes) {
    try {
      RecordActivity(score, person, m);
    } catch (const std::exception& e) {
      // At quit the notice is never seen: stderr keeps it for the facilitator's log.
      std::fprintf(stderr, "%s\n", e.what());
      NotifyError(e.what());
      return;
    }
  }
}

void App::AdoptCoursePeople(const fs::path& score) {
  try {
    GiveCoursePeople(doc_.score, score);  // as `graphony-cli new` does
  } catch (const std::exception& e) {
    NotifyError(e.what());  // a bad course.json: the score still works on its own
  }
}

void App::NewDocument() {
  FlushActivity(doc_.path, true);
  // File > New while a session's score is open: the new score belongs to that session (its
  // people now; Save starts there).
  new_in_session_.clear();
  if (!doc_.path.empty() && CourseOfFile(doc_.path))
    new_in_session_ = fs::absolute(doc_.path).parent_path();
  Score score = NewScore();
  // Dated the day it is made, and titled after that day until the group names it.
  score.date = TodayIsoDate();
  score.title = NewScoreTitle(score.date);
  doc_.Reset(std::move(score), {});
  activity_revision_ = doc_.revision;  // a new score is nobody's edit yet
  ui_.active_layer = -1;
  ui_.selection.clear();
  ui_.selection_layer = -1;
  ui_.palette_index = 0;
  ui_.contributor_id.clear();
  ui_.want_fit = true;
  if (!new_in_session_.empty()) AdoptCoursePeople(new_in_session_ / "new.graphony");
  course_view_.Close();
  UpdateFileLabel();
}

void App::RememberLastScore(const fs::path& path) {
  std::error_code ec;
  const fs::path full = fs::absolute(path, ec);
  // The demo is always offered on its own; "continue" is for the person's own work.
  if (!ec && full != DemoScorePath()) ui_.settings.last_score = full.string();
}

void App::OpenBrowser(FileBrowser::Purpose purpose) {
  const char* home = std::getenv("HOME");
  // A new score of a session is saved in that session's folder unless the person goes on.
  const fs::path here =
      doc_.path.empty() && !new_in_session_.empty() ? new_in_session_ / "new.graphony" : doc_.path;
  const fs::path start =
      StartFolder(here, ui_.settings.last_folder, home ? fs::path(home) : fs::path());
  std::string suggested;
  if (purpose == FileBrowser::Purpose::kSaveScore)
    suggested = SuggestFileName(start, doc_.score.title, ".graphony");
  browser_.Open(purpose, start, suggested);
}

void App::RememberFolder(const fs::path& chosen) {
  const std::string folder = FolderToRemember(chosen);
  if (folder.empty() || folder == ui_.settings.last_folder) return;
  ui_.settings.last_folder = folder;
  // Kept at once, not only at a clean quit: the next start finds it even after a crash.
  if (!settings_file_.empty()) SaveSettings(ui_.settings, settings_file_);
}

bool App::OpenDocument(const fs::path& path, std::future<Score>* loading) {
  if (path.filename() == kCourseFile) return OpenCourse(path);  // a course, not a score
  try {
    Score score;
    try {
      score = loading ? loading->get() : LoadScore(path);
    } catch (const std::exception&) {
      if (!loading) throw;
      score = LoadScore(path);  // the preload's error again, said in the chosen language
    }
    FlushActivity(doc_.path, true);  // the score being closed keeps its people's minutes
    doc_.Reset(std::move(score), path);
    activity_revision_ = doc_.revision;  // opening is nobody's edit
    canvas_.ForgetCaches();              // its strokes fill in over the first frames
  } catch (const std::exception& e) {
    NotifyError(e.what());
    return false;
  }
  ui_.active_layer = static_cast<int>(doc_.score.layers.size()) - 1;
  ui_.selection.clear();
  ui_.selection_layer = -1;
  ui_.palette_index = doc_.score.palette.empty() ? -1 : 0;
  ui_.contributor_id =
      doc_.score.contributors.empty() ? std::string() : doc_.score.contributors.front().id;
  ui_.want_fit = true;
  UpdateFileLabel();
  Notify(_("Opened."), false);
  RememberLastScore(path);
  new_in_session_.clear();
  course_view_.Close();  // the score opened is what is shown
  // A score of a course session: its course is open too (the timeline, the booklet).
  if (const auto course = CourseOfFile(path); course && *course != ui_.course_dir) {
    try {
      course_view_.Open(*course, jail_ ? &*jail_ : nullptr);
      course_view_.Close();  // known, not shown: the score is what was asked for
      ui_.course_dir = *course;
    } catch (const std::exception&) {
      // A bad course.json: the score still works on its own.
    }
  }
  return true;
}

bool App::SaveDocument(const fs::path& path) {
  if (doc_.path.empty()) AdoptCoursePeople(path);  // a new score's first home is a session
  try {
    SaveScore(doc_.score, path, doc_.path.empty() ? fs::path() : doc_.path.parent_path());
  } catch (const std::exception& e) {
    NotifyError(e.what());
    return false;
  }
  doc_.MarkSaved(path);
  new_in_session_.clear();
  FlushActivity(path, false);
  // Saved into the open course: its timeline shows the score's new thumbnail.
  if (const auto course = CourseOfFile(path); course && *course == course_view_.Dir())
    course_view_.Refresh();
  // Saved somewhere new: files the score names (its soundfont) are found from there now.
  std::error_code ec;
  doc_.score.folder.path = fs::absolute(path, ec).parent_path().string();
  // What the autosave held is in the saved file now: a crash from here on has nothing to
  // recover, and the next start must not offer work that was already saved.
  if (!autosave_path_.empty()) RemoveAutosave(autosave_path_);
  UpdateFileLabel();
  RememberLastScore(path);
  char msg[300];
  std::snprintf(msg, sizeof msg, "%s",
                text::Printf(_("Saved %s"), path.filename().string().c_str()));
  Notify(msg, false);
  return true;
}

void App::ImportImage(const fs::path& path) {
  std::vector<uint8_t> bytes;
  std::shared_ptr<const Image> pixels;
  try {
    // Regular files only (a FIFO would freeze the editor), and the score's pictures share
    // one memory budget: this one gets what the others leave.
    const std::string where = path.filename().string();
    bytes = ReadFileBytes(path, where, kMaxEntryBytes);
    const uint64_t budget = ImageMemoryBudget(), used = DecodedPictureBytes(doc_.score);
    if (used >= budget)
      throw ScoreError(where +
                       _(": the score's pictures already use the memory budget for pictures (set "
                         "GRAPHONY_IMAGE_MEMORY_MB to allow more)"));
    pixels = DecodeImage(bytes, where, budget - used);
  } catch (const std::exception& e) {
    NotifyError(e.what());
    return;
  }
  // The picture travels inside the bundle: "images/<name>", made unique.
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string stem =
      path.stem().string().empty() ? std::string("picture") : path.stem().string();
  std::string entry = "images/" + stem + ext;
  for (int n = 2; doc_.score.assets.files.count(entry); ++n)
    entry = "images/" + stem + "-" + std::to_string(n) + ext;

  Layer layer;
  layer.kind = Layer::Kind::kImage;
  layer.name = stem;
  layer.image.file = entry;
  layer.image.mode = doc_.score.mapping.image_mode;
  layer.image.pixels = pixels;
  // Its own shape on the score's surface (never stretched to the score's length).
  PlaceNewPicture(doc_.score, PictureAspect(layer.image), layer.image);
  doc_.BeginEdit();
  // A picture longer than the score makes the score longer, by whole bars.
  const double bar = std::max(1, doc_.score.meter.numerator);
  if (layer.image.length_beats > doc_.score.length_beats)
    doc_.score.length_beats = std::ceil(layer.image.length_beats / bar - 1e-9) * bar;
  doc_.score.assets.files[entry] = std::make_shared<const std::vector<uint8_t>>(std::move(bytes));
  // Pictures go above other pictures but below drawings, so strokes stay visible.
  int insert_at = 0;
  for (int i = 0; i < static_cast<int>(doc_.score.layers.size()); ++i)
    if (doc_.score.layers[i].kind == Layer::Kind::kImage) insert_at = i + 1;
  doc_.score.layers.insert(doc_.score.layers.begin() + insert_at, std::move(layer));
  doc_.EndEdit();
  ui_.active_layer = insert_at;
  ui_.selection.clear();
  ui_.selection_layer = -1;
  ui_.tool = Tool::kSelect;  // ready to move or stretch it
  ui_.want_fit = true;       // the surface may have taken the picture's shape
  Notify(_("Picture added. Drag it to move it; drag its right edge to stretch it."), false);
}

void App::ImportPeople(const fs::path& path) {
  try {
    const Score other = LoadScore(path);
    PeopleCommand import;
    import.kind = PeopleCommand::Kind::kImport;
    import.other = &other;
    const PeopleResult r = ApplyPeopleCommand(doc_, import);
    people_state_.message = r.message;
    people_state_.message_is_error = !r.ok;
    Notify(r.message.c_str(), !r.ok);
  } catch (const std::exception& e) {
    NotifyError(e.what());  // a broken or foreign file: a message, the group unchanged
  }
}

void App::MaybeAutosave() {
  if (ui_.now - last_autosave_ < autosave_interval_) return;
  last_autosave_ = ui_.now;
  if (autosave_path_.empty() || !doc_.NeedsAutosave() || doc_.EditInProgress()) return;
  WriteAutosave();
}

void App::QuitForSignal() {
  // Like a logout: nothing is written to the person's own file behind their back. Saved work
  // leaves no autosave (no recovery offered at the next start); unsaved work, which nobody
  // chose to throw away, is kept in the autosave so the next start offers it back.
  running_ = false;
  if (autosave_path_.empty() || !doc_.dirty) return;
  if (doc_.NeedsAutosave()) WriteAutosave();
  keep_autosave_ = true;
}

void App::WriteAutosave() {
  std::error_code ec;
  fs::create_directories(autosave_path_.parent_path(), ec);
  try {
    SaveScore(doc_.score, autosave_path_, doc_.path.empty() ? fs::path() : doc_.path.parent_path());
    const std::string origin =
        doc_.path.empty() ? std::string() : fs::absolute(doc_.path, ec).string();
    WriteFileAtomically(AutosaveOriginPath(autosave_path_), origin.data(), origin.size());
    doc_.MarkAutosaved();
  } catch (const std::exception& e) {
    Notify(e.what(), true);  // keep working; the next attempt may succeed
  }
}

void App::OfferRecovery() {
  if (auto r = FindRecovery()) {
    recovery_ = *r;
    show_recovery_ = true;
    // NOT-UI: tests and support read this line (the window's dialog says it in words).
    std::fprintf(stderr, "graphony: offering to recover unsaved work from %s\n",
                 recovery_.autosave.string().c_str());
  }
}

}  // namespace graphony::editor
