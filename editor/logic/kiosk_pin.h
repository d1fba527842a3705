// The facilitator PIN of kiosk mode: checked, hashed with libsodium's crypto_pwhash_str (a
// salted, slow Argon2id hash) and stored as that hash only, in a 0600 file in the config.
#pragma once

#include <filesystem>
#include <string>

namespace graphony::editor {

constexpr size_t kPinMinDigits = 4, kPinMaxDigits = 12;

// Empty when `pin` is 4 to 12 digits; else why not, in one line.
std::string PinProblem(const std::string& pin);
// The encoded hash ("$argon2id$..."), salt and parameters included; empty if libsodium failed
// (out of memory). Slow on purpose: about a tenth of a second.
std::string HashPin(const std::string& pin);
// True when `pin` matches `hash` (as HashPin made it). Slow like HashPin.
bool VerifyPin(const std::string& hash, const std::string& pin);

// <config>/kiosk-pin; empty when there is no config folder.
std::filesystem::path KioskPinPath();
// Writes `hash` to `path` (mode 0600, replaced atomically). False with `error` set.
bool SavePinHash(const std::filesystem::path& path, const std::string& hash, std::string& error);
// The stored hash, or empty with `error` set (no PIN set yet, unreadable, not a hash).
std::string LoadPinHash(const std::filesystem::path& path, std::string& error);

}  // namespace graphony::editor
