package rules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL002",
		Severity: rule.Error,
		Title:    "Unknown key",
		Doc: `An object has a key its schema does not know: ` + "`retry: { max_attempt: 3 }`" + ` reads
` + "`unknown key max_attempt in retry; did you mean max_attempts?`" + `. Keys are resolved per position:
the fields of the object, its key patterns (` + "`level_<n>`" + ` in ` + "`multi_level_fault_tolerance`" + `,
` + "`<name>_mode`" + ` in ` + "`dynamic_consistency`" + `) and open maps (metric groups, alerts, metadata,
environment), which accept any key.

Where an object has variants chosen by a discriminator key (a ` + "`multi_level_fault_tolerance`" + `
level is a retry, circuit_breaker, … level by its ` + "`pattern`" + `), a key that belongs to another
variant is reported as such: ` + "`max_attempts is not a setting of pattern \"circuit_breaker\"; it belongs to pattern \"retry\"`" + `.

**Why.** The language reference says unknown keys are "reported with the closest known name,
never silently accepted": a misspelt key is otherwise dropped by every generator, and the
setting the user believes in never takes effect. A key of another variant is dropped the same
way (a circuit-breaker level has no attempts to count).

**How to fix.** Correct the key (the quick fix writes the closest known one when it is close
enough to be a typo), or move a variant's key to a level of that pattern (the quick fix removes
it). Completion lists the keys each position accepts.

**Source.** The DPL language reference, "Block kinds" (fields by kind) and the end of that
section ("Unknown kinds and keys are reported with the closest known name").`,
		Block: func(p *rule.BlockPass) {
			langWalk{member: func(site langMemberSite) {
				if site.Member.Key.Text == "" {
					return
				}
				if site.Field == nil {
					reportUnknownKey(p, site)
					return
				}
				reportOtherVariant(p, site)
			}}.block(p.Block)
		},
	})
}

// reportUnknownKey reports a key no field, pattern or open map admits.
func reportUnknownKey(p *rule.BlockPass, site langMemberSite) {
	key := site.Member.Key
	msg := "unknown key " + key.Text + " in " + site.Where
	candidates := langVariantKeys(site)
	near, ok := schema.Closest(key.Text, candidates)
	if !ok {
		near, ok = langPatternKey(key.Text, site.Schema)
	}
	if ok && site.Obj.Get(near) == nil {
		p.Report(key.Span, msg+"; did you mean "+near+"?", rule.Replace("Change to "+near, key.Span, near))
		return
	}
	if known := langKnownKeys(candidates, site.Schema); known != "" {
		msg += "; known keys: " + known
	}
	p.Report(key.Span, msg)
}

// reportOtherVariant reports a known key that the object's variant does
// not have, naming the variants that do.
func reportOtherVariant(p *rule.BlockPass, site langMemberSite) {
	s, key := site.Schema, site.Member.Key.Text
	variant, ok := langVariant(site.Obj, s)
	if !ok || s.VariantAllows(variant, key) {
		return
	}
	var owners []string
	for _, v := range langVariantNames(s) {
		if v != variant && s.VariantAllows(v, key) {
			owners = append(owners, s.Discriminator+" "+strconv.Quote(v))
		}
	}
	msg := key + " is not a setting of " + s.Discriminator + " " + strconv.Quote(variant)
	if len(owners) > 0 {
		msg += "; it belongs to " + strings.Join(owners, " or ")
	}
	p.Report(site.Member.Key.Span, msg, langRemoveMember(p.Block, site.Member, "Remove "+key))
}

// langVariant returns the discriminator value of an object with variants.
func langVariant(o *model.Object, s *schema.Object) (string, bool) {
	if s.Discriminator == "" {
		return "", false
	}
	str, ok := o.Value(s.Discriminator).(*model.String)
	if !ok {
		return "", false
	}
	return str.Value, true
}

// langVariantNames lists the variants in the discriminator's enum order
// (stable messages), falling back to sorted map keys.
func langVariantNames(s *schema.Object) []string {
	if f, ok := s.Field(s.Discriminator); ok {
		if e, isEnum := f.Type.(schema.Enum); isEnum {
			return e.Members
		}
	}
	names := make([]string, 0, len(s.Variants))
	for v := range s.Variants {
		names = append(names, v)
	}
	sort.Strings(names)
	return names
}

// langVariantKeys are the did-you-mean candidates: the fields of the
// object's variant when it has one, else every field.
func langVariantKeys(site langMemberSite) []string {
	names := site.Schema.Names()
	variant, ok := langVariant(site.Obj, site.Schema)
	if !ok {
		return names
	}
	var out []string
	for _, n := range names {
		if site.Schema.VariantAllows(variant, n) {
			out = append(out, n)
		}
	}
	return out
}

// langKnownKeys lists what an object accepts: the candidate fields, then
// the key patterns.
func langKnownKeys(fields []string, s *schema.Object) string {
	keys := append([]string(nil), fields...)
	for _, kp := range s.KeyPatterns {
		keys = append(keys, kp.Display)
	}
	return strings.Join(keys, ", ")
}

// langPatternKey proposes a key of one of the object's key patterns for a
// misspelt key: the pattern's display with its placeholder filled from the
// key ("levl_2" → "level_2" for level_<n>, "normal_mod" → "normal_mode"
// for <name>_mode), if that matches the pattern and is close to the key.
func langPatternKey(key string, s *schema.Object) (string, bool) {
	for _, kp := range s.KeyPatterns {
		open, close := strings.IndexByte(kp.Display, '<'), strings.IndexByte(kp.Display, '>')
		if open < 0 || close < open {
			continue
		}
		prefix, suffix := kp.Display[:open], kp.Display[close+1:]
		middle := key
		switch {
		case suffix == "" && strings.Contains(key, "_"):
			middle = key[strings.LastIndexByte(key, '_')+1:]
		case prefix == "" && strings.Contains(key, "_"):
			middle = key[:strings.LastIndexByte(key, '_')]
		}
		candidate := prefix + middle + suffix
		if candidate == key || !kp.Pattern.MatchString(candidate) {
			continue
		}
		if near, ok := schema.Closest(key, []string{candidate}); ok {
			return near, true
		}
	}
	return "", false
}
