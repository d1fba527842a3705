// EditorAudio: carries out transport actions, runs the count-in, feeds live audition, keeps
// the view on the playhead and hands recorded takes to the document.
#include "editor_audio.h"

#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Mouse.hpp>
#include <SFML/Window/Touch.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/people.h"
#include "imgui.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace {

constexpr float kFollowShare = 0.6f;     // the view scrolls once the playhead passes 60% of it
constexpr double kEndTailSeconds = 1.0;  // releases and reverb heard after the last beat

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

// [SECTION] Frame hooks

void EditorAudio::BeginFrame() {
  last_frame_start_ = frame_start_;
  frame_start_ = std::chrono::steady_clock::now();
}

bool EditorAudio::HandleKey(const sf::Event::KeyEvent& key) {
  const bool typing = ImGui::GetIO().WantTextInput;
  if (key.code == sf::Keyboard::F11) {
    ctx_.ui.commands.Push(AppCommand::kTogglePerformance);
    return true;
  }
  if (key.code == sf::Keyboard::Escape && performance_.Active()) {
    ctx_.ui.commands.Push(AppCommand::kTogglePerformance);
    return true;
  }
  if (key.code == sf::Keyboard::Escape && (export_.IsOpen() || audio_settings_.IsOpen())) {
    export_.Close();
    audio_settings_.Close();
    return true;
  }
  if (typing || !key.control) return false;
  switch (static_cast<int>(key.code)) {  // int: only two of SFML's keys matter here
    case sf::Keyboard::E:
      export_.Open(ctx_.doc, ctx_.ui.settings.last_folder, ctx_.ui.course_dir);
      return true;
    case sf::Keyboard::R:
      ToggleRecord();
      return true;
    default:
      return false;
  }
}

void EditorAudio::OnSpaceReleased() {
  const bool panned = ctx_.ui.space_panned;
  ctx_.ui.space_panned = false;
  if (panned || ImGui::GetIO().WantTextInput) return;
  TogglePlay();
}

bool EditorAudio::WantsFrames() const {
  return session_.Playing() || session_.CountingIn() || play_when_ready_ || takes_.Busy() ||
         export_.Running() || performance_.Active() || session_.Preparing() || scrubbing_ ||
         session_.Sounding();
}

void EditorAudio::IdleSleep(int ms) const {
  for (int slept = 0; slept < ms; slept += 4) {
    if (sf::Mouse::isButtonPressed(sf::Mouse::Left) || sf::Touch::isDown(0)) return;
    sf::sleep(sf::milliseconds(4));
  }
}

int EditorAudio::CountInLeft() const {
  return session_.Status().counting_in ? session_.Status().count_in_left : 0;
}

void EditorAudio::DrawPerformance() {
  performance_.Draw(ctx_.doc, ctx_.ui, ctx_.colors, ctx_.textures, ctx_.bridge,
                    settings_.performance_mode);
}

void EditorAudio::DrawToolbar(const PanelLayout& layout) {
  // Its own place at the right of the toolbar, which the layout keeps free whatever the
  // window and UI size: the tools wrap or collapse before it, never cover it.
  const float size = layout.transport_size;
  const int buttons = ctx_.ui.participant ? 2 : 4;
  const float width = buttons * size + (buttons - 1) * layout.spacing;
  const ImVec2 pos(ctx_.ui.participant ? std::round((ImGui::GetWindowWidth() - width) * 0.5f)
                                       : ImGui::GetWindowWidth() - layout.pad_x - width,
                   std::round((ImGui::GetWindowHeight() - size) * 0.5f));
  ImGui::SetCursorPos(pos);
  TransportActions a;
  DrawTransportButtons(Readout(), size, layout.spacing, ctx_.ui.participant, ctx_.ui, ctx_.colors,
                       a);
  Apply(a);
}

void EditorAudio::DrawRecordingIndicator(ImVec2 top_center) const {
  editor::DrawRecordingIndicator(ctx_.ui.transport, top_center, ctx_.ui.settings.ui_scale);
}

void EditorAudio::DrawSidePanel() {
  if (ImGui::CollapsingHeader(text::WithId(_("Play and record"), "###play_record"),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    TransportActions a;
    DrawTransportPanel(Readout(), settings_, ctx_.ui, a);
    Apply(a);
  }
  if (ImGui::CollapsingHeader(text::WithId(_("Takes"), "###takes"), ImGuiTreeNodeFlags_DefaultOpen))
    takes_.Draw(ctx_.doc, ctx_.ui, session_.Player(), session_.Status());
}

void EditorAudio::AfterDraw(const CanvasEvents& events) {
  UiState& ui = ctx_.ui;
  const double now = ui.now;
  if (!opened_once_) {
    // Lazily, after the first frame is on screen: a missing device never delays the window.
    opened_once_ = true;
    session_.EnsureOpen();
    session_.SetMasterVolume(settings_.volume);
  }
  // A different score was opened: what was playing belongs to the old one.
  if (ctx_.doc.path != last_path_) {
    if (session_.Playing() || session_.CountingIn()) StopAll();
    last_path_ = ctx_.doc.path;
  }
  // Dialogs.
  bool export_error = false;
  const std::string exported = export_.Draw(ctx_.doc, ui, ctx_.colors, &export_error);
  if (!exported.empty()) Notify(exported, export_error);
  if (audio_settings_.IsOpen()) DrawSoundSettings();
  if (opened_once_ && midi_.Chosen() != ui.settings.midi_input)
    midi_.Choose(ui.settings.midi_input);
  midi_.Update(session_.Player(), ui.palette_index, now, audio_settings_.IsOpen());
  if (midi_.TakeVanished())
    Notify(text::Printf(_("The keyboard \"%s\" was unplugged. Plug it in again to play."),
                        midi_.Chosen().c_str()),
           true);
  const std::string take_message = takes_.TakeMessage();
  if (!take_message.empty()) Notify(take_message, false);

  // Sound: audition first (lowest latency), then programs and the transport.
  audition_.Process(events, ctx_.doc.score, ui.brush_size, session_.Player(), now, frame_start_);
  if (ui.tapped_swatch >= 0) {
    // A tapped colour sounds its instrument: a dot in the middle of the pitch range, through
    // the same audition path as painting.
    swatch_events_.Clear();
    CanvasEvent e;
    e.kind = CanvasEvent::Kind::kDot;
    e.height = 0.5;
    e.palette_index = ui.tapped_swatch;
    swatch_events_.Add(e);
    audition_.Process(swatch_events_, ctx_.doc.score, ui.brush_size, session_.Player(), now,
                      frame_start_);
    ui.tapped_swatch = -1;
  }
  session_.Update(ctx_.doc.score, ctx_.doc.revision, now);
  const std::string prepare_error = session_.TakePrepareError();
  if (!prepare_error.empty()) Notify(prepare_error, true);
  if (play_when_ready_ && session_.ProgramReady()) {
    play_when_ready_ = false;
    StartPlaying();
  }
  const PlayerStatus& st = session_.Status();
  if (takes_.Recording() && st.playing && !record_seen_playing_) {
    record_seen_playing_ = true;
    record_start_beat_ = st.playhead_beat;
  }
  midi_.CollectHeard(session_.Player());  // the keyboard's notes, at the beats heard
  // Past the end of the score (the transport keeps running): let the last notes ring out,
  // then stop; a take is complete there.
  if (st.playing && st.reached_end && !session_.Looping() &&
      (!takes_.Recording() || record_seen_playing_)) {
    if (end_seen_at_ < 0) end_seen_at_ = now;
    if (now - end_seen_at_ >= kEndTailSeconds) {
      if (takes_.Recording())
        FinishRecording();
      else
        session_.Pause();
      end_seen_at_ = -1;
    }
  } else {
    end_seen_at_ = -1;
  }
  ui.transport = Readout();
  ui.audio_status = session_.DeviceMessage().empty() ? nullptr : session_.DeviceMessage().c_str();
  FollowPlayhead();
  const double ms = audition_.LastInputToSoundMs(session_.Player());
  if (ms >= 0) last_input_to_sound_ms_ = ms;

  debug_.AddFrame(Ms(std::chrono::steady_clock::now() - frame_start_),
                  Ms(frame_start_ - last_frame_start_));
  if (debug_.Due(now)) WriteDebugStatus(now);
}

// [SECTION] Transport

void EditorAudio::Apply(const TransportActions& a) {
  if (a.play_pause) TogglePlay();
  if (a.stop) StopAll();
  if (a.record) ToggleRecord();
  if (a.performance) ctx_.ui.commands.Push(AppCommand::kTogglePerformance);
  if (a.export_dialog) export_.Open(ctx_.doc, ctx_.ui.settings.last_folder, ctx_.ui.course_dir);
  if (a.audio_settings) {  // kiosk mode: the sound device is the facilitator's choice
    if (ctx_.ui.jail && !ctx_.ui.kiosk_unlocked)
      ctx_.ui.kiosk_wants_pin = true;
    else
      audio_settings_.Open(session_.Options());
  }
  if (a.clear_loop) session_.SetLoop(0, 0);
  if (a.loop_selection) {
    const UiState& ui = ctx_.ui;
    const auto& layers = ctx_.doc.score.layers;
    if (ui.selection_layer >= 0 && ui.selection_layer < static_cast<int>(layers.size())) {
      const auto& strokes = layers[ui.selection_layer].strokes.strokes;
      double lo = 1e300, hi = -1e300;
      for (int i : ui.selection) {
        if (i < 0 || i >= static_cast<int>(strokes.size())) continue;
        for (const StrokePoint& p : strokes[i].points)
          lo = std::min(lo, p.beat), hi = std::max(hi, p.beat);
      }
      if (hi > lo) session_.SetLoop(lo, hi);
    }
  }
  if (a.tempo_changed) session_.SetTempoScale(settings_.tempo_percent / 100.0);
  if (a.volume_changed) session_.SetMasterVolume(settings_.volume);
}

void EditorAudio::TogglePlay() {
  if (session_.Playing() || session_.CountingIn() || play_when_ready_)
    Pause();
  else
    StartPlaying();
}

void EditorAudio::StartPlaying() {
  if (!session_.Available()) {
    Notify(session_.DeviceMessage().empty() ? std::string(_(kNoSoundDeviceText))
                                            : session_.DeviceMessage(),
           true);
    record_armed_ = false;
    return;
  }
  if (!session_.ProgramReady()) {
    play_when_ready_ = true;  // the worker is still preparing the score: start when it is done
    return;
  }
  // The count-in is the engine's: clicks on exact frames, then the score (and an armed take)
  // starts one beat after the last click.
  BeginPlayback(settings_.count_in ? std::clamp(ctx_.doc.score.meter.numerator, 1, 16) : 0);
}

void EditorAudio::BeginPlayback(int count_in_beats) {
  if (record_armed_) {
    record_armed_ = false;
    if (LivePlayer* p = session_.Player()) {
      try {
        takes_.Begin(*p, settings_.record_microphone, /*when_playing_starts=*/!session_.Playing());
        record_seen_playing_ = false;
        midi_.BeginTake();
      } catch (const std::exception& e) {
        Notify(e.what(), true);
      }
    }
  }
  if (!session_.Playing()) session_.Play(count_in_beats);
}

void EditorAudio::Scrub(double beat) {
  if (!scrubbing_) {
    scrubbing_ = true;
    // One sound at a time: the scrub takes over from playback (and ends a take).
    if (session_.Playing() || session_.CountingIn() || play_when_ready_) Pause();
  }
  session_.Seek(beat);
  session_.Scrub(beat);
}

void EditorAudio::EndScrub() {
  scrubbing_ = false;
  session_.StopScrub();
}

void EditorAudio::Pause() {
  play_when_ready_ = false;
  record_armed_ = false;
  session_.Pause();
  if (takes_.Recording()) FinishRecording();
}

void EditorAudio::StopAll() {
  play_when_ready_ = false;
  record_armed_ = false;
  session_.Stop();
  audition_.Silence(session_.Player());
  session_.StopScrub();
  scrubbing_ = false;
  if (takes_.Recording()) FinishRecording();
}

void EditorAudio::ToggleRecord() {
  if (takes_.Recording() || record_armed_) {
    StopAll();
    return;
  }
  if (!session_.Available()) {
    Notify(session_.DeviceMessage().empty() ? std::string(_(kNoSoundDeviceText))
                                            : session_.DeviceMessage(),
           true);
    return;
  }
  if (settings_.record_microphone && session_.Player()->InputDeviceName().empty()) {
    // The microphone is wanted but the stream has no input yet: reopen with one (the
    // program is prepared again in the background; playback waits for it).
    PlayerOptions options = session_.Options();
    options.record_input = true;
    if (!ReopenSession(options)) {
      options.record_input = false;
      ReopenSession(options);
      Notify(_("No microphone found: recording what is played only."), true);
    }
    if (!session_.Available()) return;
  }
  record_armed_ = true;
  if (session_.Playing())
    BeginPlayback(0);  // already playing: start the take now
  else
    StartPlaying();
}

void EditorAudio::FinishRecording() {
  LivePlayer* player = session_.Player();
  if (!player) return;
  session_.Pause();
  try {
    const std::string msg = takes_.Finish(*player, ctx_.doc, ctx_.ui);
    WriteMidiTaps();
    // The take lives in the bundle: keep it on disk straight away if the score has a file.
    if (!ctx_.doc.path.empty()) ctx_.ui.commands.Push(AppCommand::kSave);
    Notify(msg, false);
  } catch (const std::exception& e) {
    midi_.EndTake();
    Notify(e.what(), true);
  }
}

void EditorAudio::WriteMidiTaps() {
  const std::vector<MidiTap> taps = midi_.EndTake();
  if (taps.empty()) return;
  Score& score = ctx_.doc.score;
  const std::string& who = ctx_.ui.contributor_id;
  Layer layer = MidiTapsLayer(score, taps, PersonById(score, who) ? who : std::string());
  if (layer.strokes.strokes.empty()) return;
  // One undo step of its own: Ctrl+Z takes the notes back and keeps the take.
  ctx_.doc.BeginEdit();
  score.layers.push_back(std::move(layer));
  ctx_.doc.EndEdit();
}

void EditorAudio::DrawSoundSettings() {
  UiState& ui = ctx_.ui;
  SoundExtras extras;
  extras.midi_ports = &midi_.Ports();
  extras.midi_chosen = midi_.Chosen();
  extras.midi_connected = midi_.Connected();
  extras.link_offered = ui.jail == nullptr;  // kiosk mode: no network at all
  extras.link_on = link_ != nullptr;
  extras.link_start_stop = link_start_stop_;
  extras.link_peers = link_ ? link_->Peers() : 0;
  SoundExtrasChoice changed;
  PlayerOptions chosen;  // filled by the settings window's Apply (nothing copied on idle frames)
  const bool apply = audio_settings_.Draw(
      ui, session_.DeviceMessage(), session_.Available() ? session_.Player()->DeviceName() : "",
      extras, &changed, &chosen);
  if (changed.midi_changed) {
    ui.settings.midi_input = changed.midi_port;  // saved with the other settings
    midi_.Choose(changed.midi_port);
  }
  if (changed.link_changed) SetLink(changed.link_on, changed.link_start_stop);
  if (apply) {
    if (takes_.Recording()) FinishRecording();
    audition_.Silence(session_.Player());
    chosen.link = link_.get();
    ReopenSession(chosen);
  }
}

bool EditorAudio::ReopenSession(const PlayerOptions& options) {
  midi_.Disconnect();
  const bool ok = session_.Reopen(options);
  session_.SetMasterVolume(settings_.volume);
  session_.SetTempoScale(settings_.tempo_percent / 100.0);
  return ok;
}

void EditorAudio::SetLink(bool on, bool start_stop) {
  if (ctx_.ui.jail) on = false;
  if (on == (link_ != nullptr) && start_stop == link_start_stop_) return;
  if (takes_.Recording()) FinishRecording();
  audition_.Silence(session_.Player());
  std::unique_ptr<LinkSync> next;
  if (on) {
    LinkOptions lo;
    const PlayerStatus& st = session_.Status();
    lo.tempo_bpm = (st.tempo_bpm > 0 ? st.tempo_bpm : ctx_.doc.score.tempo_bpm) *
                   (settings_.tempo_percent / 100.0);
    lo.start_stop_sync = start_stop;
    lo.quantum = std::clamp(ctx_.doc.score.meter.numerator, 1, 16);
    next = std::make_unique<LinkSync>(lo);
  }
  PlayerOptions options = session_.Options();
  options.link = next.get();
  ReopenSession(options);  // the old stream (and its use of the old Link) ends here
  link_ = std::move(next);
  link_start_stop_ = on && start_stop;
}

void EditorAudio::FollowPlayhead() {
  if (!settings_.follow || !session_.Playing() || performance_.Active()) return;
  const ViewTransform& v = ctx_.view;
  const double visible = v.width / v.px_per_beat;
  const double beat = session_.Status().playhead_beat;
  if (beat > v.first_beat + kFollowShare * visible)
    ctx_.ui.commands.Push(AppCommand::kScrollTo, beat - kFollowShare * visible);
  else if (beat < v.first_beat)  // looped back
    ctx_.ui.commands.Push(AppCommand::kScrollTo, std::max(0.0, beat - 0.1 * visible));
}

void EditorAudio::TogglePerformance(sf::RenderWindow& window) {
  if (performance_.Active())
    performance_.Exit(window);
  else
    performance_.Enter(window);
}

void EditorAudio::Notify(const std::string& text, bool is_error) {
  UiState& ui = ctx_.ui;
  std::snprintf(ui.message, sizeof ui.message, "%s", text.c_str());
  ui.message_is_error = is_error;
  ui.message_until = ui.now + (is_error ? 12 : 5);
  last_message_ = text;
}

// The views' picture of the transport: the engine's published state (PlayerStatus), plus
// what only the editor knows (a take being recorded, a selection, the score's meter).
TransportReadout EditorAudio::Readout() const {
  TransportReadout r;
  const Score& score = ctx_.doc.score;
  const PlayerStatus& st = session_.Status();
  r.playing = session_.Playing();
  r.recording = takes_.Recording();
  r.counting_in = session_.CountingIn();
  r.has_device = session_.Available();
  r.looping = session_.Available() && st.looping;
  r.has_selection = !ctx_.ui.selection.empty();
  r.playhead_beat = session_.Available() ? std::max(0.0, st.playhead_beat) : -1;
  r.length_beats = score.length_beats;
  const double bpm = st.tempo_bpm > 0 ? st.tempo_bpm : score.tempo_bpm;
  r.seconds_per_beat = 60.0 / std::max(1.0, bpm) / std::max(0.05, st.tempo_scale);
  r.beats_per_bar = score.meter.numerator;
  r.count_in_left = CountInLeft();
  r.loop_start = st.loop_start;
  r.loop_end = st.loop_end;
  // The take's length from the engine's playhead (no clock of our own).
  if (r.recording && record_seen_playing_)
    r.record_seconds = std::max(0.0, st.playhead_beat - record_start_beat_) * r.seconds_per_beat;
  return r;
}

// [SECTION] Debug readout

void EditorAudio::WriteDebugStatus(double now) {
  const PlayerStatus& st = session_.Status();
  LivePlayer* p = session_.Player();
  char buf[4096];
  std::snprintf(
      buf, sizeof buf,
      "device=%s\ndevice_message=%s\ndevice_name=%s\nplaying=%d\nplayhead_beat=%.4f\n"
      "program_ready=%d\nprepare_ms=%.1f\nrecording=%d\ncounting_in=%d\nperformance=%d\n"
      "takes=%zu\nexport_running=%d\naudition_notes=%d\ninput_to_sound_ms=%.2f\n"
      "note_latency_ms=%.2f\noutput_latency_ms=%.2f\nbuffer_frames=%d\nxruns=%llu\n"
      "late_callbacks=%llu\nview_first_beat=%.3f\nfirst_sample_clock_s=%.6f\nlast_message=%s\n"
      "loop_start=%.4f\nloop_end=%.4f\ndoc_revision=%llu\npublished_revision=%llu\n"
      "scrubbing=%d\nscrub_notes=%d\noutput_peak=%.5f\nview_left=%.1f\nview_px_per_beat=%.3f\n"
      "voices_note=%d\nvoices_gesture=%d\nvoices_live=%d\nvoices_unowned=%d\nbank_groups=%d\n"
      "dropped_commands=%llu\naudio_callbacks=%llu\nselected_strokes=%zu\nview_top=%.1f\n"
      "view_height=%.1f\n",
      session_.Available() ? "ok" : "none", session_.DeviceMessage().c_str(),
      p ? p->DeviceName().c_str() : "", st.playing ? 1 : 0, st.playhead_beat,
      session_.ProgramReady() ? 1 : 0, session_.LastPrepareMs(), takes_.Recording() ? 1 : 0,
      session_.CountingIn() ? 1 : 0, performance_.Active() ? 1 : 0, ctx_.doc.score.takes.size(),
      export_.Running() ? 1 : 0, audition_.NotesStarted(), last_input_to_sound_ms_,
      p && p->LastNoteLatencySeconds() >= 0 ? p->LastNoteLatencySeconds() * 1000 : -1.0,
      p ? p->OutputLatencySeconds() * 1000 : -1.0, st.buffer_frames,
      static_cast<unsigned long long>(st.xruns), static_cast<unsigned long long>(st.late_callbacks),
      ctx_.view.first_beat, audition_.LastFirstSampleClockSeconds(p), last_message_.c_str(),
      st.loop_start, st.loop_end, static_cast<unsigned long long>(ctx_.doc.revision),
      static_cast<unsigned long long>(session_.PublishedRevision()), scrubbing_ ? 1 : 0,
      session_.ScrubSounding(), std::max(st.peak_left, st.peak_right), ctx_.view.left,
      ctx_.view.px_per_beat, st.voices.note, st.voices.gesture, st.voices.live, st.voices.unowned,
      st.voices.bank_groups, static_cast<unsigned long long>(p ? p->DroppedCommands() : 0),
      static_cast<unsigned long long>(st.callbacks), ctx_.ui.selection.size(), ctx_.view.top,
      ctx_.view.height);
  std::string body = buf;
  const ControlRects& rects = ctx_.ui.rects;
  for (size_t i = 0; i < rects.Count(); ++i) {
    const ControlRects::Entry& e = rects.At(i);
    char line[128];
    std::snprintf(line, sizeof line, "rect.%s=%.0f,%.0f,%.0f,%.0f\n", e.name, e.x, e.y, e.w, e.h);
    body += line;
  }
  body += ctx_.ui.browser_status;
  body += ctx_.ui.kiosk_status;
  body += ctx_.ui.course_status;
  char words[128];
  std::snprintf(words, sizeof words,
                "no_words=%d\nswatch_cues=%d\nsound_settings_open=%d\nstrokes_filling=%d\n",
                ctx_.ui.settings.no_words ? 1 : 0, ctx_.ui.swatch_cues,
                audio_settings_.IsOpen() ? 1 : 0, ctx_.ui.strokes_filling ? 1 : 0);
  body += words;
  char midi[512];
  std::snprintf(midi, sizeof midi,
                "midi.chosen=%.200s\nmidi.connected=%d\nmidi.notes=%llu\nmidi.ports=%zu\n"
                "link=%d\nlink.start_stop=%d\nlink.peers=%zu\nsettings_open=%d\n",
                midi_.Chosen().c_str(), midi_.Connected() ? 1 : 0,
                static_cast<unsigned long long>(midi_.NotesPlayed()), midi_.Ports().size(),
                link_ ? 1 : 0, link_start_stop_ ? 1 : 0, link_ ? link_->Peers() : 0,
                audio_settings_.IsOpen() ? 1 : 0);
  body += midi;
  for (size_t i = 0; i < midi_.Ports().size(); ++i) {  // tests find a port's row by its name
    std::snprintf(midi, sizeof midi, "midi.port.%zu=%.200s\n", i, midi_.Ports()[i].c_str());
    body += midi;
  }
  debug_.Write(now, body);
}

}  // namespace graphony::editor
