// Symbolic transformer models (theory.md §3). See grammars/README.md, section "Transformer".
grammar Transformer;

model        : 'transformer' alphabetDecl preludeBlock? layerBlock* outputDecl EOF ;
alphabetDecl : 'alphabet' IDENT+ ;
preludeBlock : 'prelude' '{' gate* '}' ;
layerBlock   : 'layer' '{' ( head | gate )* '}' ;
head         : 'head' IDENT '=' headKind masking 'select' IDENT 'value' IDENT ( 'atleast' INT )? ;
headKind
    : 'global'                # GlobalKind
    | 'local' ':' INT         # LocalKind
    | 'uha' ( ':' INT )?      # UniqueHardKind
    ;
masking      : 'strict' | 'nonstrict' ;
gate         : 'gate' IDENT '=' gateOp IDENT+ ;
gateOp       : 'not' | 'and' | 'or' ;
outputDecl   : 'output' IDENT ;

IDENT   : [a-zA-Z_] [a-zA-Z0-9_]* ;
INT     : [0-9]+ ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;
