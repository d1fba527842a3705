// Kiosk PIN: libsodium Argon2id with its "interactive" limits, stored as one line of text.
#include "logic/kiosk_pin.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <system_error>

#include "core/i18n.h"
#include "core/temp_files.h"
#include "logic/user_paths.h"

namespace graphony::editor {

namespace {

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;  // thread-safe, idempotent
  return ready;
}

}  // namespace

std::string PinProblem(const std::string& pin) {
  if (pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits)
    return _("the PIN must be 4 to 12 digits long");
  for (char c : pin)
    if (c < '0' || c > '9') return _("the PIN may hold digits only (0-9)");
  return {};
}

std::string HashPin(const std::string& pin) {
  if (!SodiumReady()) return {};
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits (64 MiB, a few passes): a tenth of a second on a ward's old laptop.
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return out;
}

bool VerifyPin(const std::string& hash, const std::string& pin) {
  if (!SodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::filesystem::path KioskPinPath() {
  const std::filesystem::path config = ConfigDir();
  return config.empty() ? config : config / "kiosk-pin";
}

bool SavePinHash(const std::filesystem::path& path, const std::string& hash, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  AtomicFile out;
  if (!out.Open(path, error)) return false;
  if (fchmod(out.Fd(), 0600) != 0) {  // only this user may read even the hash
    error = _("cannot make the file private");
    return false;
  }
  const std::string line = hash + "\n";
  return out.Write(line.data(), line.size(), error) && out.Commit(error);
}

std::string LoadPinHash(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path.string() + _(": no kiosk PIN is set (run graphony --set-kiosk-pin)");
    return {};
  }
  std::string line;
  std::getline(in, line);
  if (line.rfind("$argon2", 0) != 0 || line.size() >= crypto_pwhash_STRBYTES) {
    error =
        path.string() + _(": not a kiosk PIN hash (set it again with graphony --set-kiosk-pin)");
    return {};
  }
  return line;
}

}  // namespace graphony::editor
