// Extended regular expressions over a declared alphabet. See grammars/README.md.
grammar Regex;

start : expr EOF ;

expr
    : expr '|' expr          # Union
    | atomSeq                # SeqExpr
    ;

atomSeq : postfix+ ;

postfix : atom ( '*' | '+' | '?' )* ;

atom
    : '(' expr ')'           # Group
    | IDENT                  # Symbol
    ;

IDENT : [a-zA-Z_] [a-zA-Z0-9_]* ;
WS : [ \t\r\n]+ -> skip ;
