package grammar

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOffsetsReplace checks chunked offsets against a plain list under
// random replacements: runs of parts replaced anywhere, including at
// chunk boundaries, across chunks, and at the ends.
func TestOffsetsReplace(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 200 {
		ref := []int{0}
		for len(ref) < 1+r.IntN(600) {
			ref = append(ref, ref[len(ref)-1]+1+r.IntN(50))
		}
		s := NewOffsets(slices.Clone(ref))
		for step := range 30 {
			from := 1 + r.IntN(len(ref))
			if from > len(ref) {
				from = len(ref)
			}
			to := min(len(ref), from+r.IntN(3*chunkParts/2))
			lo := ref[from-1] + 1
			hi := lo + 1 + r.IntN(2000)
			if to < len(ref) {
				hi = ref[to]
			}
			delta := r.IntN(200) - 100
			if to < len(ref) && ref[to]+delta <= lo {
				delta = lo - ref[to] + 1 + r.IntN(5)
			}
			var run []int
			for p := lo; len(run) < r.IntN(3*chunkParts/2) && p < hi+delta; p += 1 + r.IntN(3) {
				run = append(run, p)
			}
			want := slices.Concat(ref[:from], run)
			for _, v := range ref[to:] {
				want = append(want, v+delta)
			}
			prev := s
			s = s.Replace(from, to, run, delta)
			// The chunks after the replaced entries keep their arrays.
			if last, prevLast := s.chunks[len(s.chunks)-1], prev.chunks[len(prev.chunks)-1]; to < prevLast.first &&
				&last.rel[0] != &prevLast.rel[0] {
				t.Fatalf("round %d step %d: a replacement before the last chunk copied it", round, step)
			}
			if got := s.Between(0, s.Len(), 0, nil); !slices.Equal(got, want) {
				t.Fatalf("round %d step %d: replace(%d, %d, %d parts, %d):\ngot  %v\nwant %v", round, step, from, to, len(run), delta, got, want)
			}
			for k := range want {
				if s.At(k) != want[k] {
					t.Fatalf("round %d step %d: at(%d) = %d, want %d", round, step, k, s.At(k), want[k])
				}
			}
			for _, off := range []int{0, want[len(want)/2], want[len(want)-1], want[len(want)-1] + 1} {
				if got, w := s.Search(off), sortSearch(want, off); got != w {
					t.Fatalf("round %d step %d: search(%d) = %d, want %d", round, step, off, got, w)
				}
			}
			for _, c := range s.chunks {
				if len(c.rel) == 0 || len(c.rel) > chunkParts {
					t.Fatalf("round %d step %d: chunk of %d parts", round, step, len(c.rel))
				}
			}
			ref = want
		}
	}
}

func sortSearch(a []int, off int) int {
	for i, v := range a {
		if v >= off {
			return i
		}
	}
	return len(a)
}
