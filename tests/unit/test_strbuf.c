/* strbuf: growth, printf, JSON and C quoting. */
#include "tests/unit/t.h"
#include "tracer/strbuf.h"

#include <stdlib.h>

static void json_is(const char *in, size_t n, const char *want,
		    const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	sb_json_str(&sb, in, n);
	T_STREQ(sb_str(&sb), want, what);
	sb_free(&sb);
}

static void c_is(const char *in, size_t n, const char *want, const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	sb_c_str(&sb, in, n);
	T_STREQ(sb_str(&sb), want, what);
	sb_free(&sb);
}

#define JSON_IS(lit, want, what) json_is(lit, sizeof(lit) - 1, want, what)
#define C_IS(lit, want, what) c_is(lit, sizeof(lit) - 1, want, what)

static void test_basics(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	T_STREQ(sb_str(&sb), "", "empty buffer reads as \"\"");
	sb_puts(&sb, "abc");
	sb_putc(&sb, '-');
	sb_printf(&sb, "%d/%s", 42, "x");
	T_STREQ(sb_str(&sb), "abc-42/x", "puts, putc, printf append");
	T_OK(sb.len == 8, "len counts the bytes (%zu)", sb.len);
	sb_reset(&sb);
	T_STREQ(sb_str(&sb), "", "reset empties");
	for (i = 0; i < 10000; i++)
		sb_putc(&sb, (char)('a' + i % 26));
	T_OK(sb.len == 10000 && sb.buf[9999] == 'a' + 9999 % 26 &&
		     sb.buf[10000] == '\0' && !sb.oom,
	     "grows past many doublings, stays NUL-terminated");
	sb_free(&sb);
	T_OK(sb.buf == NULL && sb.len == 0, "free resets");
}

static void test_json(void)
{
	JSON_IS("plain", "\"plain\"", "json: plain ASCII");
	JSON_IS("a\"b\\c", "\"a\\\"b\\\\c\"", "json: quote and backslash");
	JSON_IS("\n\t\r", "\"\\n\\t\\r\"", "json: short escapes");
	JSON_IS("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"",
		"json: other control characters as \\u00XX");
	JSON_IS("a\0b", "\"a\\u0000b\"", "json: embedded NUL");
	JSON_IS("caf\xc3\xa9", "\"caf\xc3\xa9\"", "json: valid 2-byte UTF-8");
	JSON_IS("\xe2\x82\xac", "\"\xe2\x82\xac\"", "json: valid 3-byte UTF-8");
	JSON_IS("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"",
		"json: valid 4-byte UTF-8");
	JSON_IS("\xff", "\"\\udcff\"", "json: invalid byte -> \\udcff");
	JSON_IS("a\xc3", "\"a\\udcc3\"", "json: cut sequence at the end");
	JSON_IS("\xc3(", "\"\\udcc3(\"", "json: bad continuation byte");
	JSON_IS("\xc0\xaf", "\"\\udcc0\\udcaf\"", "json: overlong form");
	JSON_IS("\xed\xa0\x80", "\"\\udced\\udca0\\udc80\"",
		"json: encoded surrogate is invalid");
	JSON_IS("\xf4\x90\x80\x80", "\"\\udcf4\\udc90\\udc80\\udc80\"",
		"json: beyond U+10FFFF is invalid");
	JSON_IS("", "\"\"", "json: empty string");
}

static void test_c(void)
{
	C_IS("hello\n", "\"hello\\n\"", "c: newline");
	C_IS("\a\b\t\v\f\r", "\"\\a\\b\\t\\v\\f\\r\"", "c: letter escapes");
	C_IS("q\"b\\", "\"q\\\"b\\\\\"", "c: quote and backslash");
	C_IS("\x01\xff\x7f", "\"\\x01\\xff\\x7f\"", "c: other bytes in hex");
	C_IS("a\0b", "\"a\\x00b\"", "c: embedded NUL");
	C_IS("caf\xc3\xa9", "\"caf\\xc3\\xa9\"", "c: non-ASCII in hex");
}

int main(void)
{
	test_basics();
	test_json();
	test_c();
	return T_DONE();
}
