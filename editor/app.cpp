// Editor frame loop, fixed calm layout (toolbar, side panels, canvas, status bar), shortcuts and
// commands.
#include "app.h"

#include <SFML/OpenGL.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <vector>

#include "core/i18n.h"
#include "core/picture_shape.h"
#include "core/score_defaults.h"
#include "course/course.h"
#include "cpu_clock.h"
#include "icons.h"
#include "logic/ui_sizes.h"
#include "quit_signal.h"
#include "text/bidi_text.h"
#include "text/font_atlas.h"
#include "text/ui_text.h"
#include "theme.h"
#include "view_layers.h"
#include "view_status_bar.h"
#include "view_toolbar.h"
#include "view_welcome.h"

namespace graphony::editor {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

int App::Run(const AppOptions& options, std::future<Score>* loading) {
  options_ = options;
  const std::filesystem::path config = ConfigDir();
  if (!config.empty()) {
    settings_file_ = (config / "editor-settings.txt").string();
    ini_file_ = (config / "imgui.ini").string();
    std::error_code ec;
    std::filesystem::create_directories(config, ec);
    if (ec) ini_file_.clear();
    ui_.settings = LoadSettings(settings_file_);
  }
  if (const char* env = std::getenv("GRAPHONY_AUTOSAVE_SECONDS")) {
    const double v = std::atof(env);
    if (v >= 1) autosave_interval_ = v;
  }
  // Tests (and a ward's start-up script) can start with no words.
  if (const char* env = std::getenv("GRAPHONY_NO_WORDS"); env && *env == '1')
    ui_.settings.no_words = true;
  if (const char* env = std::getenv("GRAPHONY_UI_SCALE")) {
    const double v = std::atof(env);
    if (v >= 0.75 && v <= 3) ui_.settings.ui_scale = static_cast<float>(v);
  }
  if (options.ui_size >= 0) ui_.settings.ui_scale = kUiSizes[options.ui_size].scale;
  if (options.theme >= 0) ui_.settings.theme = options.theme;
  // The language: --language (report and benchmark runs), else the one chosen in the
  // picker last time, else LANGUAGE / LANG (i18n::Init in main).
  if (!options.language.empty()) {
    if (!i18n::SetLanguage(options.language)) {
      std::fprintf(stderr, i18n::Translate(N_("graphony: unknown language %s (try --help)\n")),
                   options.language.c_str());
      return 2;
    }
  } else if (!ui_.settings.language.empty() && !i18n::SetLanguage(ui_.settings.language)) {
    ui_.settings.language.clear();  // a code we no longer ship: follow the environment
  }
  ui_.participant = options.participant;
  // Kiosk mode turned on in Settings stays on, start after start, until the PIN turns it off.
  if (options_.kiosk_library.empty()) options_.kiosk_library = ui_.settings.kiosk_library;
  if (!options_.kiosk_library.empty() && !StartKiosk()) return 1;
  const bool reporting = !options.layout_report.empty() || !options.layout_batch.empty();
  if (reporting) ui_.layout = &layout_report_;

  if (const char* env = std::getenv("GRAPHONY_NO_STROKE_CACHE"); env && *env == '1')
    canvas_.SetStrokeCache(false);
  // Tests compare a score's strokes filled in over frames with the same drawn at once.
  if (const char* env = std::getenv("GRAPHONY_STROKE_CACHE_AT_ONCE"); env && *env == '1')
    canvas_.SetProgressive(false);

  sf::ContextSettings gl;
  gl.antialiasingLevel = 0;
  // Fit the screen it opens on, small laptop (1366x768) or big: a little under its size
  // (window borders, a task bar), never more than the screen.
  const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
  unsigned win_w = std::min(desktop.width, std::clamp(desktop.width * 94 / 100, 800u, 1600u));
  unsigned win_h = std::min(desktop.height, std::clamp(desktop.height * 90 / 100, 600u, 1000u));
  if (options.window_w > 0) win_w = options.window_w, win_h = options.window_h;
  window_.create(sf::VideoMode(win_w, win_h), "Graphony", sf::Style::Default, gl);
  window_.setPosition(sf::Vector2i(0, 0));
  const bool bench = options.bench_frames > 0;
  window_.setVerticalSyncEnabled(!bench);
  if (!bench) window_.setFramerateLimit(60);
  window_.setKeyRepeatEnabled(true);
  if (!bridge_.Init(window_, ini_file_.empty() ? nullptr : ini_file_.c_str())) {
    std::fprintf(
        stderr, "%s",
        i18n::Translate(N_("graphony: could not start OpenGL 3 drawing on this display\n")));
    return 1;
  }

  window_ready_ = std::chrono::steady_clock::now();
  cpu_window_ready_ms_ = ProcessCpuMs();
  NewDocument();
  if (!options_.file.empty()) {
    std::error_code ec;
    if (IsCourseDir(options_.file) || options_.file.filename() == kCourseFile) {
      OpenCourse(options_.file);  // its timeline: a row of thumbnails per session
    } else if (std::filesystem::exists(options_.file, ec)) {
      const bool preloaded = loading && loading->valid() && !jail_;
      OpenDocument(options_.file, preloaded ? loading : nullptr);
    } else {
      // Like a text editor: a new score that Ctrl+S saves under the given name.
      doc_.path = options_.file;
      AdoptCoursePeople(options_.file);
      UpdateFileLabel();
    }
  }
  score_loaded_ = std::chrono::steady_clock::now();
  cpu_score_loaded_ms_ = ProcessCpuMs();
  autosave_path_ = AutosavePath();
  if (!bench && !reporting) OfferRecovery();
  // Started without a score (and nothing to recover): invite, don't show an empty grid.
  welcome_open_ = !bench && !show_recovery_ && (options_.file.empty() || options.welcome) && !jail_;

  if (bench) return RunBenchmark(options.bench_frames);
  if (reporting) return RunLayoutReport();

  clock_.restart();
  sf::Clock frame_clock;
  InstallQuitSignals();
  while (running_ && window_.isOpen()) {
    if (QuitSignalled()) {
      QuitForSignal();
      break;
    }
    const float dt = frame_clock.restart().asSeconds();
    // After a second of stillness the picture on screen is still right: skip drawing it
    // again until something happens (events, a message to expire, sound running).
    may_skip_render_ = idle_frames_ > 60 && ui_.now >= ui_.message_until && !canvas_.Dragging() &&
                       !audio_.WantsFrames() && !browser_.IsOpen() && !canvas_.Building();
    Frame(dt);
    // Calm the CPU when nothing happens: old laptops run on battery on the ward.
    if (!had_events_ && !canvas_.Dragging() && !audio_.WantsFrames() && !canvas_.Building()) {
      if (++idle_frames_ > 90) audio_.IdleSleep(40);  // wakes early on a mouse press
    } else {
      idle_frames_ = 0;
    }
  }
  FlushActivity(doc_.path, true);  // closing the score ends everyone's turn
  if (!autosave_path_.empty() && !keep_autosave_) RemoveAutosave(autosave_path_);
  if (!settings_file_.empty()) SaveSettings(ui_.settings, settings_file_);
  bridge_.Shutdown();
  window_.close();
  return 0;
}

void App::RebuildFontsIfNeeded() {
  if (!ui_.fonts_dirty) return;
  ui_.fonts_dirty = false;
  ImGuiIO& io = ImGui::GetIO();
  // Only the glyphs this language needs: its script, and for Chinese just the characters
  // its translations use (a few hundred, not 20 000), so the atlas stays small and quick.
  const std::string language = i18n::CurrentLanguage();
  const text::AtlasStats atlas =
      text::BuildAtlas(*io.Fonts, language, std::round(17.f * ui_.settings.ui_scale),
                       text::CatalogueTexts(language));
  if (ui_.layout) ui_.layout->Atlas(atlas.glyphs, atlas.cjk_glyphs, atlas.tex_w, atlas.tex_h);
  bridge_.RebuildFonts();
  colors_ = ApplyTheme(static_cast<ThemeKind>(ui_.settings.theme), ui_.settings.ui_scale);
}

void App::Frame(float dt) {
  ui_.now = clock_.getElapsedTime().asSeconds();
  audio_.BeginFrame();
  bridge_.BeginEvents();
  had_events_ = false;
  sf::Event event;
  while (window_.pollEvent(event)) {
    had_events_ = true;
    bridge_.ProcessEvent(event);
    switch (
        static_cast<int>(event.type)) {  // int: only a few of SFML's many event kinds matter here
      case sf::Event::Closed:            // kiosk mode: only a facilitator closes the window
        if (KioskAllows(Guarded::kQuit)) RequestWithSavePrompt(Pending::kQuit);
        break;
      case sf::Event::Resized:
        glViewport(0, 0, static_cast<GLsizei>(event.size.width),
                   static_cast<GLsizei>(event.size.height));
        break;
      case sf::Event::KeyPressed:
        if (event.key.code == sf::Keyboard::Space && !ImGui::GetIO().WantTextInput)
          ui_.space_held = true;
        if (pin_pad_.IsOpen()) break;  // the keys are the PIN's, not shortcuts
        if (audio_.HandleKey(event.key)) break;
        HandleShortcut(event.key);
        break;
      case sf::Event::KeyReleased:
        if (event.key.code == sf::Keyboard::Space) {
          if (ui_.space_held) audio_.OnSpaceReleased();  // Space: play / pause
          ui_.space_held = false;
        }
        break;
      case sf::Event::LostFocus:
        ui_.space_held = false;
        break;
      default:
        break;
    }
  }
  // Any input (a move, a stroke, a key) is someone at the screen: the session log's minutes.
  if (had_events_) {
    activity_.Input(ui_.contributor_id, ui_.now, doc_.revision != activity_revision_);
    activity_revision_ = doc_.revision;
  }
  if (may_skip_render_ && !had_events_) {
    MaybeAutosave();
    return;
  }
  RebuildFontsIfNeeded();
  text::TrimVisualCache();
  bridge_.NewFrame(window_, dt);
  canvas_events_.Clear();
  ui_.hint = nullptr;
  ui_.rects.Clear();
  LayoutAndDraw();
  DrawWelcomeIfOpen();
  DrawDialogs();
  UpdateKiosk();  // the PIN pad, over everything
  ui_.strokes_filling = canvas_.Building();
  audio_.AfterDraw(canvas_events_);
  bridge_.Render(window_, colors_.clear, capture_);
  if (ui_.layout) ui_.layout->CountDrawnMissing(ImGui::GetDrawData());
  RunCommands();
  MaybeAutosave();
  textures_.ForgetUnused();
  textures_.EndFrame();
}

void App::LayoutAndDraw() {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui_.settings.ui_scale;
  if (ui_.layout) ui_.layout->BeginFrame();
  if (audio_.PerformanceActive()) {  // performance view: the picture alone, no panels
    audio_.DrawPerformance();
    return;
  }
  PanelLayoutInput in;
  in.width = io.DisplaySize.x;
  in.height = io.DisplaySize.y;
  in.ui_scale = s;
  in.participant = ui_.participant;
  if (!ui_.participant) {
    DrawMenuBar();
    in.menu_h = ImGui::GetFrameHeight();
    in.status_h = StatusBarHeight(s, ui_.status_lines);
  }
  const PanelLayout layout = ComputePanelLayout(in);
  if (ui_.participant) {
    DrawParticipant(layout);
    return;
  }

  ImGui::SetNextWindowPos(ImVec2(0, layout.toolbar_y));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, layout.toolbar_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.pad_x, layout.pad_y));
  if (ImGui::Begin("##toolbar", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    DrawToolbar(doc_, ui_, colors_, layout);
    audio_.DrawToolbar(layout);
    ReportWindow(ui_, "toolbar", true);
  }
  ImGui::End();
  ImGui::PopStyleVar();

  ImGui::SetNextWindowPos(ImVec2(0, layout.body_y));
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.body_h));
  if (ImGui::Begin("##palette", nullptr, kPanelFlags)) {
    DrawPalettePanel(doc_, ui_, palette_state_, colors_);
    ReportWindow(ui_, "palette", false);
  }
  ImGui::End();

  DrawCanvasWindow(layout);

  if (layout.right_folded) {
    DrawFoldedSidePanel(layout);
  } else {
    side_open_ = false;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - layout.right_w, layout.body_y));
    ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.body_h));
    if (ImGui::Begin("##side", nullptr, kPanelFlags)) {
      DrawSidePanelContents();
      ReportWindow(ui_, "side", false);
    }
    ImGui::End();
  }

  const float status_h = in.status_h;

  DrawCourse(layout);  // the course timeline, over the body, while open
  DrawPeopleWindow(doc_, ui_, people_state_, colors_);  // floats above the panels when open

  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - status_h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, status_h));
  ImGui::PushStyleVar(
      ImGuiStyleVar_WindowPadding,
      ImVec2(12 * s, std::round((StatusBarHeight(s, 1) - ImGui::GetFontSize()) * 0.5f)));
  if (ImGui::Begin("##status", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    StatusInfo info;
    info.canvas_hovered = canvas_.Hovered();
    info.beat = canvas_.HoverBeat();
    info.height = canvas_.HoverHeight();
    info.file_name = file_label_;
    DrawStatusBar(doc_, ui_, view_, info, colors_);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

std::filesystem::path App::DemoScorePath() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("GRAPHONY_DEMO"); env && *env) candidates.emplace_back(env);
#ifdef GRAPHONY_DEMO_SCORE
  candidates.emplace_back(GRAPHONY_DEMO_SCORE);
#endif
  candidates.emplace_back("/usr/share/graphony/demo.graphony");
  for (const auto& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(c, ec)) return std::filesystem::absolute(c, ec);
  }
  return {};
}

void App::DrawWelcomeIfOpen() {
  if (!welcome_open_ || ui_.participant || audio_.PerformanceActive()) return;
  std::error_code ec;
  const std::string& last = ui_.settings.last_score;
  const bool has_last = !last.empty() && std::filesystem::exists(last, ec);
  const std::filesystem::path demo = DemoScorePath();
  switch (DrawWelcome(ui_, colors_, !demo.empty(), has_last ? last.c_str() : "")) {
    case WelcomeChoice::kNone:
      return;
    case WelcomeChoice::kPicture:
      ui_.commands.Push(AppCommand::kImportImage);
      break;
    case WelcomeChoice::kDemo:
      // A copy to play with: Save asks where, so the demo itself stays as it ships.
      if (OpenDocument(demo)) {
        doc_.path.clear();
        UpdateFileLabel();
      }
      break;
    case WelcomeChoice::kContinue:
      OpenDocument(last);
      break;
    case WelcomeChoice::kEmpty:
      break;
  }
  welcome_open_ = false;
}

void App::DrawSidePanelContents() {
  // Room for more panels (people, ...) as further collapsing headers.
  if (ImGui::CollapsingHeader(text::WithId(_("Layers"), "##layers"),
                              ImGuiTreeNodeFlags_DefaultOpen))
    DrawLayersPanel(doc_, ui_, colors_);
  if (ImGui::CollapsingHeader(text::WithId(_("Music settings"), "##music"),
                              ImGuiTreeNodeFlags_DefaultOpen))
    DrawMappingPanel(doc_, ui_, mapping_state_);
  audio_.DrawSidePanel();
}

// A big UI on a small window: the side panel folds to a strip with one button; opened, it
// lies over the canvas's right part (the canvas keeps its size) until closed again.
void App::DrawFoldedSidePanel(const PanelLayout& layout) {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui_.settings.ui_scale;
  const float button = layout.transport_size;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - layout.right_w, layout.body_y));
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.body_h));
  if (ImGui::Begin("##sidestrip", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    const IconButtonResult r =
        IconButton("##sidetoggle", button, side_open_,
                   side_open_ ? _("Close the side panel") : _("Layers, music settings, takes"),
                   _("Layers, music settings, play and record settings, takes."), colors_, ui_);
    ReportControl(ui_, "side.toggle");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = r.icon_size * 0.7f, t = std::max(2.f, r.icon_size * 0.09f);
    for (int i = -1; i <= 1; ++i)  // three bars: "more panels"
      dl->AddLine(ImVec2(r.center.x - w * 0.5f, r.center.y + i * w * 0.32f),
                  ImVec2(r.center.x + w * 0.5f, r.center.y + i * w * 0.32f), r.color, t);
    if (r.pressed) side_open_ = !side_open_;
    ReportWindow(ui_, "sidestrip", true);
  }
  ImGui::End();
  if (!side_open_) return;
  const float w = layout.right_open_w;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - layout.right_w - w, layout.body_y));
  ImGui::SetNextWindowSize(ImVec2(w, layout.body_h));
  if (ImGui::Begin("##side", nullptr, kPanelFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus)) {
    DrawSidePanelContents();
    ReportWindow(ui_, "side", false);
  }
  ImGui::End();
  (void)s;
}

// The participant view: a giant play and stop, the palette, the canvas; nothing else. The
// facilitator leaves it with F9 or by holding the corner button for a moment.
// The canvas window and the recording indicator over it: the same in the facilitator's
// layout and the participant view.
void App::DrawCanvasWindow(const PanelLayout& layout) {
  const float s = ui_.settings.ui_scale;
  ImGui::SetNextWindowPos(ImVec2(layout.canvas_x, layout.body_y));
  ImGui::SetNextWindowSize(ImVec2(layout.canvas_w, layout.body_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin(
          "##canvas", nullptr,
          kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    if (ui_.layout) ui_.layout->Canvas(ImGui::GetWindowPos(), ImGui::GetWindowSize());
    CanvasContext ctx{doc_, ui_, view_, colors_, textures_, canvas_events_, bridge_};
    canvas_.Draw(ctx);
  }
  ImGui::End();
  ImGui::PopStyleVar();
  audio_.DrawRecordingIndicator(
      ImVec2(layout.canvas_x + layout.canvas_w * 0.5f, layout.body_y + std::round(8 * s)));
}

void App::DrawParticipant(const PanelLayout& layout) {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui_.settings.ui_scale;
  constexpr float kHoldSeconds = 1.5f;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, layout.toolbar_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.pad_x, layout.pad_y));
  if (ImGui::Begin("##toolbar", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    const float leave = std::max(kMinTouchTarget, std::round(layout.transport_size * 0.5f));
    ImGui::SetCursorPos(ImVec2(layout.pad_x, layout.pad_y));
    const IconButtonResult r = IconButton(
        "##leave", leave, leave_held_ > 0, _("Hold to leave (F9)"),
        _("Facilitator: hold this for a moment to leave the participant view."), colors_, ui_);
    ReportControl(ui_, "participant.leave");
    DrawCommandIcon(ImGui::GetWindowDrawList(), AppCommand::kToggleParticipant, r.center,
                    r.icon_size, r.color);
    if (ImGui::IsItemActive()) {
      leave_held_ += io.DeltaTime;
      // A ring fills while held, so the facilitator sees it is working.
      ImGui::GetWindowDrawList()->PathArcTo(r.center, leave * 0.46f, -1.5708f,
                                            -1.5708f + 6.2832f * (leave_held_ / kHoldSeconds), 24);
      ImGui::GetWindowDrawList()->PathStroke(colors_.accent, 0, std::max(3.f, 4 * s));
      if (leave_held_ >= kHoldSeconds) {
        leave_held_ = 0;
        ui_.commands.Push(AppCommand::kToggleParticipant);
      }
    } else {
      leave_held_ = 0;
    }
    audio_.DrawToolbar(layout);
    ReportWindow(ui_, "toolbar", true);
  }
  ImGui::End();
  ImGui::PopStyleVar();

  ImGui::SetNextWindowPos(ImVec2(0, layout.body_y));
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.body_h));
  if (ImGui::Begin("##palette", nullptr, kPanelFlags)) {
    DrawPaletteSwatches(doc_, ui_, colors_, layout.left_w, 1.0f);
    ReportWindow(ui_, "palette", false);
  }
  ImGui::End();

  DrawCanvasWindow(layout);
}

void App::HandleShortcut(const sf::Event::KeyEvent& key) {
  const bool typing = ImGui::GetIO().WantTextInput;
  const bool modal = browser_.IsOpen() || show_unsaved_prompt_ || show_error_ || show_recovery_;
  if (key.control) {
    switch (static_cast<int>(key.code)) {
      case sf::Keyboard::S:
        ui_.commands.Push(key.shift ? AppCommand::kSaveAs : AppCommand::kSave);
        return;
      case sf::Keyboard::Q:
        ui_.commands.Push(AppCommand::kQuit);
        return;
      default:
        break;
    }
    if (typing || modal) return;
    switch (static_cast<int>(key.code)) {
      case sf::Keyboard::N:
        ui_.commands.Push(AppCommand::kNew);
        break;
      case sf::Keyboard::O:
        ui_.commands.Push(AppCommand::kOpen);
        break;
      case sf::Keyboard::I:
        ui_.commands.Push(AppCommand::kImportImage);
        break;
      case sf::Keyboard::Z:
        ui_.commands.Push(key.shift ? AppCommand::kRedo : AppCommand::kUndo);
        break;
      case sf::Keyboard::Y:
        ui_.commands.Push(AppCommand::kRedo);
        break;
      default:
        break;
    }
    return;
  }
  if (typing || modal) return;
  switch (static_cast<int>(key.code)) {
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
      ui_.commands.Push(AppCommand::kZoomIn);
      break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
      ui_.commands.Push(AppCommand::kZoomOut);
      break;
    case sf::Keyboard::Num0:
    case sf::Keyboard::Numpad0:
    case sf::Keyboard::Home:
      ui_.commands.Push(AppCommand::kFit);
      break;
    case sf::Keyboard::Delete:
    case sf::Keyboard::BackSpace:
      ui_.commands.Push(AppCommand::kDeleteSelection);
      break;
    case sf::Keyboard::F9:
      ui_.commands.Push(AppCommand::kToggleParticipant);
      break;
    case sf::Keyboard::B:
      ui_.tool = Tool::kBrush;
      break;
    case sf::Keyboard::L:
      ui_.tool = Tool::kLine;
      break;
    case sf::Keyboard::D:
      ui_.tool = Tool::kDot;
      break;
    case sf::Keyboard::E:
      ui_.tool = Tool::kEraser;
      break;
    case sf::Keyboard::S:
      ui_.tool = Tool::kSelect;
      break;
    case sf::Keyboard::Escape: {
      welcome_open_ = false;
      CanvasContext ctx{doc_, ui_, view_, colors_, textures_, canvas_events_, bridge_};
      canvas_.CancelGesture(ctx);
      ui_.selection.clear();
      break;
    }
    default:
      break;
  }
}

void App::RunCommands() {
  for (size_t i = 0; i < ui_.commands.Count(); ++i) RunCommand(ui_.commands.At(i));
  ui_.commands.Clear();
}

void App::RunCommand(const TypedCommand& command) {
  CanvasContext ctx{doc_, ui_, view_, colors_, textures_, canvas_events_, bridge_};
  const float cx = view_.left + view_.width * 0.5f, cy = view_.top + view_.height * 0.5f;
  const AppCommand cmd = command.kind;
  switch (cmd) {
    case AppCommand::kNew:
      RequestWithSavePrompt(Pending::kNew);
      break;
    case AppCommand::kOpen:
      RequestWithSavePrompt(Pending::kOpen);
      break;
    case AppCommand::kSave:
      if (doc_.path.empty()) {
        after_save_as_ = Pending::kNone;
        OpenBrowser(FileBrowser::Purpose::kSaveScore);
      } else {
        SaveDocument(doc_.path);
      }
      break;
    case AppCommand::kSaveAs:
      after_save_as_ = Pending::kNone;
      OpenBrowser(FileBrowser::Purpose::kSaveScore);
      break;
    case AppCommand::kUndo:
    case AppCommand::kRedo: {
      canvas_.CancelGesture(ctx);
      const bool ok = cmd == AppCommand::kUndo ? doc_.Undo() : doc_.Redo();
      if (ok) {
        ui_.selection.clear();
        ui_.selection_layer = -1;
        if (ui_.active_layer >= static_cast<int>(doc_.score.layers.size()))
          ui_.active_layer = static_cast<int>(doc_.score.layers.size()) - 1;
      }
      break;
    }
    case AppCommand::kImportImage:
      OpenBrowser(FileBrowser::Purpose::kImportImage);
      break;
    case AppCommand::kFit:
      view_.Fit(doc_.score.length_beats, BeatsPerHeight(doc_.score));
      break;
    case AppCommand::kZoomIn:
      view_.ZoomAround(cx, cy, 1.25);
      break;
    case AppCommand::kZoomOut:
      view_.ZoomAround(cx, cy, 0.8);
      break;
    case AppCommand::kDeleteSelection: {
      const int li = ui_.selection_layer;
      if (ui_.selection.empty() || li < 0 || li >= static_cast<int>(doc_.score.layers.size()))
        break;
      doc_.BeginEdit();
      DeleteStrokes(doc_.score.layers[li].strokes, ui_.selection);
      doc_.EndEdit();
      ui_.selection.clear();
      break;
    }
    case AppCommand::kAddDrawingLayer: {
      doc_.BeginEdit();
      char name[32];
      std::snprintf(name, sizeof name, i18n::Translate(N_("Drawing %d")),
                    static_cast<int>(doc_.score.layers.size()) + 1);
      ui_.active_layer = AddStrokeLayer(doc_.score, name);
      doc_.EndEdit();
      break;
    }
    case AppCommand::kQuit:
      if (KioskAllows(Guarded::kQuit)) RequestWithSavePrompt(Pending::kQuit);
      break;
    case AppCommand::kSeek:
      audio_.Seek(command.beat);
      break;
    case AppCommand::kSetLoop:
      audio_.SetLoop(command.beat, command.end_beat);
      break;
    case AppCommand::kScrub:
      audio_.Scrub(command.beat);
      break;
    case AppCommand::kScrubEnd:
      audio_.EndScrub();
      break;
    case AppCommand::kScrollTo:
      view_.first_beat = command.beat;
      break;
    case AppCommand::kTogglePerformance:
      audio_.TogglePerformance(window_);
      break;
    case AppCommand::kShowPeople:
      people_state_.open = true;
      break;
    case AppCommand::kImportPeople:
      OpenBrowser(FileBrowser::Purpose::kImportPeople);
      break;
    case AppCommand::kToggleParticipant:
      ui_.participant = !ui_.participant;
      ui_.want_fit = true;
      break;
    case AppCommand::kOpenCourse:
      OpenBrowser(FileBrowser::Purpose::kOpenCourse);
      break;
    case AppCommand::kShowCourse:
      course_view_.Show();
      break;
    case AppCommand::kPortfolio:
      if (!ui_.course_dir.empty()) audio_.OpenExport(static_cast<int>(ExportKind::kPortfolio));
      break;
    case AppCommand::kKioskSetup:
      if (!jail_) kiosk_setup_open_ = true;
      break;
  }
}

}  // namespace graphony::editor
