// Framebuffer objects through SFML's GL function loader (SFML's headers only expose GL 1.x).
#include "offscreen_target.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include "backends/imgui_impl_opengl3.h"

namespace graphony::editor {

namespace {

constexpr GLenum kFramebuffer = 0x8D40;          // GL_FRAMEBUFFER
constexpr GLenum kColorAttachment0 = 0x8CE0;     // GL_COLOR_ATTACHMENT0
constexpr GLenum kFramebufferComplete = 0x8CD5;  // GL_FRAMEBUFFER_COMPLETE
constexpr GLenum kFramebufferBinding = 0x8CA6;   // GL_FRAMEBUFFER_BINDING

struct FboFunctions {
  void (*gen)(GLsizei, GLuint*) = nullptr;
  void (*del)(GLsizei, const GLuint*) = nullptr;
  void (*bind)(GLenum, GLuint) = nullptr;
  void (*tex2d)(GLenum, GLenum, GLenum, GLuint, GLint) = nullptr;
  GLenum (*check)(GLenum) = nullptr;
  bool loaded = false;
  bool ok = false;
};

FboFunctions& Fbo() {
  static FboFunctions f;  // process-wide GL entry points, loaded once (not UI state)
  if (!f.loaded) {
    f.loaded = true;
    f.gen = reinterpret_cast<decltype(f.gen)>(sf::Context::getFunction("glGenFramebuffers"));
    f.del = reinterpret_cast<decltype(f.del)>(sf::Context::getFunction("glDeleteFramebuffers"));
    f.bind = reinterpret_cast<decltype(f.bind)>(sf::Context::getFunction("glBindFramebuffer"));
    f.tex2d =
        reinterpret_cast<decltype(f.tex2d)>(sf::Context::getFunction("glFramebufferTexture2D"));
    f.check =
        reinterpret_cast<decltype(f.check)>(sf::Context::getFunction("glCheckFramebufferStatus"));
    f.ok = f.gen && f.del && f.bind && f.tex2d && f.check;
  }
  return f;
}

}  // namespace

OffscreenTarget::OffscreenTarget() = default;

OffscreenTarget::~OffscreenTarget() {
  if (fbo_ && Fbo().ok) {
    const GLuint id = fbo_;
    Fbo().del(1, &id);
  }
}

bool OffscreenTarget::Supported() { return Fbo().ok; }

bool OffscreenTarget::Resize(unsigned width, unsigned height) {
  if (width == width_ && height == height_ && texture_) return true;
  FboFunctions& f = Fbo();
  if (!f.ok) return false;
  auto texture = std::make_unique<sf::Texture>();
  if (!texture->create(width, height)) return false;
  texture->setSmooth(false);
  if (!fbo_) {
    GLuint id = 0;
    f.gen(1, &id);
    fbo_ = id;
  }
  GLint previous = 0;
  glGetIntegerv(kFramebufferBinding, &previous);
  f.bind(kFramebuffer, fbo_);
  f.tex2d(kFramebuffer, kColorAttachment0, GL_TEXTURE_2D, texture->getNativeHandle(), 0);
  const bool complete = f.check(kFramebuffer) == kFramebufferComplete;
  f.bind(kFramebuffer, static_cast<GLuint>(previous));
  if (!complete) return false;
  texture_ = std::move(texture);
  width_ = width;
  height_ = height;
  return true;
}

void OffscreenTarget::Render(ImDrawList* list, ImVec2 origin, bool clear) {
  if (!texture_) return;
  FboFunctions& f = Fbo();
  GLint previous = 0;
  glGetIntegerv(kFramebufferBinding, &previous);
  f.bind(kFramebuffer, fbo_);
  if (clear) {
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = &list;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list->VtxBuffer.Size;
  data.TotalIdxCount = list->IdxBuffer.Size;
  data.DisplayPos = origin;
  data.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  data.FramebufferScale = ImVec2(1, 1);
  ImGui_ImplOpenGL3_RenderDrawData(&data);  // restores viewport, scissor, blending, program
  f.bind(kFramebuffer, static_cast<GLuint>(previous));
}

void OffscreenTarget::Clear() {
  if (!texture_) return;
  FboFunctions& f = Fbo();
  GLint previous = 0;
  glGetIntegerv(kFramebufferBinding, &previous);
  f.bind(kFramebuffer, fbo_);
  GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  if (scissor) glEnable(GL_SCISSOR_TEST);
  f.bind(kFramebuffer, static_cast<GLuint>(previous));
}

ImTextureID OffscreenTarget::Texture() const {
  if (!texture_) return nullptr;
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_->getNativeHandle()));
}

}  // namespace graphony::editor
