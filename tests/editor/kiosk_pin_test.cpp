// The kiosk's facilitator PIN: only digits, stored as a salted Argon2id hash that verifies the
// right PIN, refuses others and never holds the PIN itself.
#include "logic/kiosk_pin.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

using namespace graphony::editor;

TEST_CASE("a PIN is 4 to 12 digits") {
  CHECK(PinProblem("2468").empty());
  CHECK(PinProblem("123456789012").empty());
  CHECK_FALSE(PinProblem("123").empty());
  CHECK_FALSE(PinProblem("1234567890123").empty());
  CHECK_FALSE(PinProblem("12a4").empty());
  CHECK_FALSE(PinProblem("12 34").empty());
  CHECK_FALSE(PinProblem("").empty());
}

TEST_CASE("the PIN's hash is salted, verifies only the right PIN and is stored privately") {
  const std::string a = HashPin("2468"), b = HashPin("2468");
  REQUIRE_FALSE(a.empty());
  CHECK(a.rfind("$argon2id$", 0) == 0);
  CHECK(a != b);  // a fresh salt each time
  CHECK(a.find("2468") == std::string::npos);
  CHECK(VerifyPin(a, "2468"));
  CHECK(VerifyPin(b, "2468"));
  CHECK_FALSE(VerifyPin(a, "2469"));
  CHECK_FALSE(VerifyPin(a, ""));
  CHECK_FALSE(VerifyPin("", "2468"));
  CHECK_FALSE(VerifyPin("not a hash", "2468"));

  graphony::test::TempDir tmp{"pin"};
  const auto file = tmp / "config/graphony/kiosk-pin";
  std::string error;
  REQUIRE(SavePinHash(file, a, error));
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == a + "\n");
  CHECK(LoadPinHash(file, error) == a);
  CHECK(VerifyPin(LoadPinHash(file, error), "2468"));
}

TEST_CASE("a missing or damaged PIN file is reported with its name") {
  graphony::test::TempDir tmp{"pin"};
  std::string error;
  CHECK(LoadPinHash(tmp / "kiosk-pin", error).empty());
  CHECK(error.find("kiosk-pin") != std::string::npos);
  std::ofstream(tmp / "kiosk-pin") << "2468\n";  // a plain PIN someone wrote by hand
  error.clear();
  CHECK(LoadPinHash(tmp / "kiosk-pin", error).empty());
  CHECK(error.find("not a kiosk PIN hash") != std::string::npos);
}
