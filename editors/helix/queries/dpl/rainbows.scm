; Helix rainbow brackets (editor.rainbow-brackets): objects and arrays nest.

[
  (object)
  (array)
] @rainbow.scope

[
  "{"
  "}"
  "["
  "]"
] @rainbow.bracket
