// A small JSON reader for the golden vectors in ../shared/golden (tests only): objects, arrays, numbers, strings,
// true/false/null. Numbers are kept as double (every golden integer is exact in a double).
#ifndef VA_TESTS_JSON_LITE_H
#define VA_TESTS_JSON_LITE_H

#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite
{
struct Value
{
    enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
    double number = 0;
    bool boolean = false;
    std::string text;
    std::vector<Value> items;
    std::map<std::string, Value> members;

    const Value &operator[](const std::string &key) const
    {
        auto it = members.find(key);
        if (kind != Kind::Object || it == members.end())
        {
            throw std::runtime_error("JSON key not found: " + key);
        }
        return it->second;
    }
    const Value &operator[](size_t i) const
    {
        if (kind != Kind::Array || i >= items.size())
        {
            throw std::runtime_error("JSON index out of range");
        }
        return items[i];
    }
    template <typename T> std::vector<T> as_vector() const
    {
        std::vector<T> out;
        for (const Value &v : items)
        {
            out.push_back(static_cast<T>(v.number));
        }
        return out;
    }
};

class Parser
{
  public:
    explicit Parser(const std::string &s) : s_(s) {}

    Value parse()
    {
        Value v = value();
        skip();
        if (i_ != s_.size())
        {
            fail("trailing characters");
        }
        return v;
    }

  private:
    [[noreturn]] void fail(const char *what) { throw std::runtime_error(std::string("JSON: ") + what + " at " + std::to_string(i_)); }

    void skip()
    {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
        {
            ++i_;
        }
    }

    bool literal(const char *word)
    {
        const std::string w(word);
        if (s_.compare(i_, w.size(), w) == 0)
        {
            i_ += w.size();
            return true;
        }
        return false;
    }

    std::string string()
    {
        std::string out;
        ++i_; // opening quote
        while (i_ < s_.size() && s_[i_] != '"')
        {
            if (s_[i_] == '\\')
            {
                ++i_;
                if (i_ >= s_.size())
                {
                    fail("bad escape");
                }
                const char e = s_[i_];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u' ? '?' : e;
                if (e == 'u')
                {
                    i_ += 4; // non-ASCII text is irrelevant to the vectors
                }
                ++i_;
                continue;
            }
            out += s_[i_++];
        }
        if (i_ >= s_.size())
        {
            fail("unterminated string");
        }
        ++i_;
        return out;
    }

    // Reads "element (, element)* close" after the opening bracket; an empty sequence is allowed.
    template <typename Element> void sequence(char close, Element element)
    {
        ++i_;
        skip();
        if (s_[i_] == close)
        {
            ++i_;
            return;
        }
        for (;;)
        {
            element();
            skip();
            if (s_[i_] == ',')
            {
                ++i_;
                continue;
            }
            if (s_[i_++] != close)
            {
                fail("expected a closing bracket");
            }
            return;
        }
    }

    Value value()
    {
        skip();
        if (i_ >= s_.size())
        {
            fail("unexpected end");
        }
        Value v;
        const char c = s_[i_];
        if (c == '{')
        {
            v.kind = Value::Kind::Object;
            sequence('}', [&] {
                skip();
                if (s_[i_] != '"')
                {
                    fail("expected a key");
                }
                std::string key = string();
                skip();
                if (s_[i_++] != ':')
                {
                    fail("expected ':'");
                }
                v.members[key] = value();
            });
            return v;
        }
        if (c == '[')
        {
            v.kind = Value::Kind::Array;
            sequence(']', [&] { v.items.push_back(value()); });
            return v;
        }
        if (c == '"')
        {
            v.kind = Value::Kind::String;
            v.text = string();
            return v;
        }
        if (literal("true") || literal("false"))
        {
            v.kind = Value::Kind::Bool;
            v.boolean = s_[i_ - 1] == 'e' && s_[i_ - 2] == 'u';
            return v;
        }
        if (literal("null"))
        {
            return v;
        }
        char *end = nullptr;
        v.kind = Value::Kind::Number;
        v.number = std::strtod(s_.c_str() + i_, &end);
        if (end == s_.c_str() + i_)
        {
            fail("bad number");
        }
        i_ = static_cast<size_t>(end - s_.c_str());
        return v;
    }

    const std::string &s_;
    size_t i_ = 0;
};
} // namespace json_lite

#endif
