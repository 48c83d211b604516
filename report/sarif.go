package report

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// SARIF's fixed names.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolName     = "dpls"
	toolURI      = "https://github.com/dpls-dev/dpls"
)

// SARIF writes one SARIF 2.1.0 log with one run, shaped for GitHub code
// scanning: the driver lists o.Rules (id, title as shortDescription, the
// doc's first paragraph as fullDescription and the markdown doc as help, default level), each result
// points at its rule by id and index, and locations are relative to the
// repository root (%SRCROOT%) with 1-based lines and UTF-16 columns, the
// run's declared columnKind. Related locations and quick fixes (as
// artifactChanges) are included.
func SARIF(w io.Writer, r Report, o Options) error {
	src := newSources(r.Sources)
	index := map[string]int{}
	driver := sarifDriver{Name: toolName, Version: o.Version, SemanticVersion: o.Version, InformationURI: toolURI, Rules: []sarifRule{}}
	for i, ru := range o.Rules {
		index[ru.Code] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   ru.Code,
			ShortDescription:     sarifText{Text: ru.Title},
			FullDescription:      sarifText{Text: firstParagraph(ru.Doc)},
			Help:                 sarifText{Text: ru.Doc, Markdown: ru.Doc},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(ru.Severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "utf16CodeUnits", Results: []sarifResult{}}
	for _, d := range r.Diagnostics {
		res := sarifResult{
			RuleID:    d.Code,
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{Text: d.Message},
			Locations: []sarifLocation{{PhysicalLocation: physical(src, o, d.Location)}},
		}
		if i, ok := index[d.Code]; ok {
			res.RuleIndex = &i
		}
		for i, rel := range d.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: i + 1, PhysicalLocation: physical(src, o, rel.Location), Message: &sarifText{Text: rel.Message},
			})
		}
		for _, f := range d.Fixes {
			if len(f.Edits) == 0 {
				continue // SARIF requires at least one change per fix
			}
			res.Fixes = append(res.Fixes, sarifFixOf(src, o, f))
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// firstParagraph is a rule doc's opening paragraph, which states what the
// rule checks: SARIF's fullDescription. The whole doc goes in help.
func firstParagraph(doc string) string {
	doc = strings.TrimSpace(doc)
	if i := strings.Index(doc, "\n\n"); i >= 0 {
		doc = doc[:i]
	}
	return doc
}

// sarifLevel maps severities to SARIF's levels; SARIF has no level below
// note, so hints are notes too.
func sarifLevel(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	case rule.Off:
		return "none"
	}
	return "note"
}

func physical(src *sources, o Options, loc rule.Location) sarifPhysical {
	uri, base := o.fileURI(loc.File)
	return sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}, Region: region(src, loc)}
}

func region(src *sources, loc rule.Location) sarifRegion {
	start, end := src.span(loc.File, loc.Span.Start, loc.Span.End)
	return sarifRegion{StartLine: start.Line, StartColumn: start.UTF16, EndLine: end.Line, EndColumn: end.UTF16}
}

// sarifFixOf groups a fix's edits by file, keeping their order.
func sarifFixOf(src *sources, o Options, f rule.Fix) sarifFix {
	fix := sarifFix{Description: sarifText{Text: f.Title}}
	byFile := map[string]int{}
	for _, e := range f.Edits {
		i, ok := byFile[e.File]
		if !ok {
			uri, base := o.fileURI(e.File)
			i = len(fix.ArtifactChanges)
			byFile[e.File] = i
			fix.ArtifactChanges = append(fix.ArtifactChanges, sarifChange{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}})
		}
		c := &fix.ArtifactChanges[i]
		c.Replacements = append(c.Replacements, sarifReplacement{
			DeletedRegion: region(src, e.Location), InsertedContent: &sarifContent{Text: e.NewText},
		})
	}
	return fix
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

// sarifText is SARIF's message and multiformatMessageString.
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText     `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}
