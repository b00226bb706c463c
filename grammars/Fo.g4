// First-order logic FO[<] over finite words (theory.md §1). See grammars/README.md, section "FO[<]".
// Precedence, loosest first: <->, -> (right-assoc), |, &, prefix !; a quantifier's body extends
// as far to the right as possible. Chains are loops; only parentheses and quantifiers nest, and
// FoParser bounds that nesting before this parser runs.
grammar Fo;

start : formula EOF ;

formula     : implication (IFF implication)* ;
implication : disjunction (IMPLIES disjunction)* ;
disjunction : conjunction (OR conjunction)* ;
conjunction : unary (AND unary)* ;
unary       : NOT* primary ;

primary
    : TRUE                                      # TruePrimary
    | FALSE                                     # FalsePrimary
    | quantifier formula                        # QuantifiedPrimary
    | LPAREN formula RPAREN                     # ParenPrimary
    | SUCC LPAREN variable COMMA variable RPAREN  # SuccPrimary
    | FIRST LPAREN variable RPAREN              # FirstPrimary
    | LAST LPAREN variable RPAREN               # LastPrimary
    | label LPAREN variable RPAREN              # LabelPrimary
    | variable comparison variable              # ComparisonPrimary
    ;

quantifier : (EXISTS | FORALL) variable (COMMA variable)* DOT ;
comparison : LT | LE | GT | GE | EQ | NEQ ;
variable   : IDENT ;
label      : IDENT | QUOTED ;

IFF     : '<->' | '<=>' | '\u2194' | '\u21D4' ;     // ↔ ⇔
IMPLIES : '->' | '=>' | '\u2192' | '\u21D2' ;       // → ⇒
OR      : '|' | '||' | '\u2228' ;                   // ∨
AND     : '&' | '&&' | '\u2227' ;                   // ∧
NEQ     : '!=' | '\u2260' ;                          // ≠
NOT     : '!' | '~' | '\u00AC' ;                    // ¬
LE      : '<=' | '\u2264' ;                          // ≤
GE      : '>=' | '\u2265' ;                          // ≥
LT      : '<' ;
GT      : '>' ;
EQ      : '=' ;
TRUE    : 'true' | '\u22A4' ;                        // ⊤
FALSE   : 'false' | '\u22A5' ;                       // ⊥
EXISTS  : 'exists' | '\u2203' ;                      // ∃
FORALL  : 'forall' | '\u2200' ;                      // ∀
SUCC    : 'succ' ;
FIRST   : 'first' ;
LAST    : 'last' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
DOT     : '.' | ':' ;
IDENT   : [A-Za-z_] [A-Za-z0-9_]* ;
QUOTED  : '\'' [A-Za-z_] [A-Za-z0-9_]* '\'' ;
WS      : [ \t\r\n]+ -> skip ;
