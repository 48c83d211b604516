package spring

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// unJava decodes a Java string literal as javac reads it (the escapes
// javaString writes), failing on anything else, including \u escapes.
func unJava(t *testing.T, lit string) string {
	t.Helper()
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		t.Fatalf("not a string literal: %s", lit)
	}
	var b strings.Builder
	s := lit[1 : len(lit)-1]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			t.Fatalf("unescaped quote inside %s", lit)
		case c != '\\':
			b.WriteByte(c)
		case s[i+1] == '\\' || s[i+1] == '"':
			b.WriteByte(s[i+1])
			i++
		case s[i+1] == 'n':
			b.WriteByte('\n')
			i++
		case s[i+1] == 't':
			b.WriteByte('\t')
			i++
		case s[i+1] >= '0' && s[i+1] <= '7':
			n, err := strconv.ParseUint(s[i+1:i+4], 8, 8)
			if err != nil {
				t.Fatalf("bad octal escape in %s", lit)
			}
			b.WriteByte(byte(n))
			i += 3
		default:
			t.Fatalf("unexpected escape \\%c in %s", s[i+1], lit)
		}
	}
	return b.String()
}

// TestHostileStringsStayLiterals reads DEFAULT_RESPONSE of the Java
// generated from testdata/generate/code/hostile.dpl back through Java's
// literal rules: the default response is exactly the DPL object.
func TestHostileStringsStayLiterals(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/generate/code/hostile.dpl")))
	re := regexp.MustCompile(`(?m)^    public static final String DEFAULT_RESPONSE = (".*");$`)
	for _, f := range files {
		if !strings.HasSuffix(f.Path, "EvilFallback.java") {
			continue
		}
		m := re.FindSubmatch(f.Content)
		if m == nil {
			t.Fatalf("%s: DEFAULT_RESPONSE not on one line", f.Path)
		}
		var body map[string]string
		if err := json.Unmarshal([]byte(unJava(t, string(m[1]))), &body); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"msg": "\"); System.exit(1); //",
			"js":  "`${process.exit(1)}` */ </script>",
			"go":  "\" + os.Args[0] + \"\n}\nfunc init() { panic(1) }",
			"uni": "\n\u2028\\u0022 done",
		}
		for k, w := range want {
			if body[k] != w {
				t.Errorf("%s = %q, want %q", k, body[k], w)
			}
		}
		return
	}
	t.Fatal("no EvilFallback.java generated")
}

// TestJavaStringNeverEmitsUnicodeEscapes: javac decodes \u before lexing,
// so a literal must never contain one, even from a DPL "\u0022".
func TestJavaStringNeverEmitsUnicodeEscapes(t *testing.T) {
	for in, want := range map[string]string{
		`\u0022`:   `"\\u0022"`,
		"a\"b":     `"a\"b"`,
		"x\ny\x01": `"x\ny\001"`,
		"\u2028é":  "\"\u2028é\"",
	} {
		if got := javaString(in); got != want {
			t.Errorf("javaString(%q) = %s, want %s", in, got, want)
		}
	}
}
