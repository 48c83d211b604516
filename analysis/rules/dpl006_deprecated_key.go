package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL006",
		Severity: rule.Warning,
		Title:    "Deprecated key",
		Doc: `A key the schema marks as deprecated is set. The message says why and what to write
instead, for example ` + "`version is deprecated: Compose V2 ignores the top-level version …; remove it`" + `
for ` + "`deploy_docker_compose`" + `. Editors strike the key through.

**Why.** A deprecated key is still understood, so a file keeps working, but it has no effect on
what is generated (Compose ignores ` + "`version`" + `) or it has been replaced by a key whose meaning is
pinned more precisely. Leaving it in misleads readers about what the configuration does.

**How to fix.** Follow the message. When the deprecation note names a replacement key of the
same object (a note that starts with "use" and the key in backquotes), the quick fix renames the
key; otherwise it removes the member.

**Sources.** The schema's deprecation notes, each with its own source. For
` + "`deploy_docker_compose.version`" + `: the Compose Specification, "Version top-level element"
(https://github.com/compose-spec/compose-spec/blob/main/04-version-and-name.md: the property is
"only informative"), and Docker's "Evolution of Compose" (https://docs.docker.com/compose/history/:
"Compose V2 ignores the version field").`,
		Block: func(p *rule.BlockPass) {
			langWalk{member: func(site langMemberSite) {
				f := site.Field
				if f == nil || f.Deprecated == "" {
					return
				}
				key := site.Member.Key
				fix := langRemoveMember(p.Block, site.Member, "Remove "+key.Text)
				if repl, ok := langReplacementKey(f.Deprecated); ok {
					if _, known := site.Schema.Field(repl); known && site.Obj.Get(repl) == nil {
						fix = rule.Replace("Rename to "+repl, key.Span, repl)
					}
				}
				p.Report(key.Span, key.Text+" is deprecated: "+f.Deprecated, fix).Deprecated = true
			}}.block(p.Block)
		},
	})
}

// langReplacementKey reads the replacement a deprecation note names by
// its convention "use `key` …".
func langReplacementKey(note string) (string, bool) {
	rest, ok := strings.CutPrefix(note, "use `")
	if !ok {
		return "", false
	}
	key, _, ok := strings.Cut(rest, "`")
	return key, ok && key != ""
}
