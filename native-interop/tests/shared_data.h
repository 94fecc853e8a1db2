// ../shared (beside the checkout) for the native tests: file reading and the project's rule for absent inputs
// (a failure when CI=true, a skip with the reason elsewhere). VA_SHARED_DIR comes from CMake.
#ifndef VA_TESTS_SHARED_DATA_H
#define VA_TESTS_SHARED_DATA_H

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace va_test
{
inline bool is_ci()
{
    const char *ci = std::getenv("CI");
    return ci != nullptr && (std::strcmp(ci, "true") == 0 || std::strcmp(ci, "TRUE") == 0 || std::strcmp(ci, "True") == 0);
}

inline bool read_text(const std::string &path, std::string &out)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
    {
        return false;
    }
    std::ostringstream s;
    s << f.rdbuf();
    out = s.str();
    return true;
}

inline std::string shared_path(const std::string &relative) { return std::string(VA_SHARED_DIR) + "/" + relative; }
} // namespace va_test

// Use in a test body: fails (CI) or skips the test when `available` is false.
#define VA_REQUIRE_SHARED(available, what)                                                                            \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!(available))                                                                                              \
        {                                                                                                              \
            const std::string message_ = std::string(what) + " not found under " VA_SHARED_DIR                        \
                                         "; place the project's shared/ folder beside the checkout and reconfigure";   \
            if (va_test::is_ci())                                                                                      \
            {                                                                                                          \
                FAIL() << message_;                                                                                    \
            }                                                                                                          \
            GTEST_SKIP() << message_;                                                                                  \
        }                                                                                                              \
    } while (0)

#endif
