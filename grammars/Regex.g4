// Extended regular expressions over a declared alphabet. See grammars/README.md for the
// symbol rule, the precedence table and the alphabet default.
//
// Precedence, loosest first: | (union)  <  & and - (intersection, difference; left-assoc)
//   <  juxtaposition (concatenation)  <  prefix ~ ! ¬ (complement)  <  postfix * + ? {m,n}.
// Every repetition rule is a loop, never a recursion, so only parentheses nest the parse; the
// parser checks the parenthesis depth before handing the text to ANTLR.
grammar Regex;

regex  : union EOF ;

union  : inter (UNION inter)* ;

inter  : concat ((AND | MINUS) concat)* ;

concat : prefix+ ;

prefix : NOT* postfix ;

postfix : atom suffix* ;

suffix
    : STAR                                            # StarSuffix
    | PLUS                                            # PlusSuffix
    | QUESTION                                        # OptionalSuffix
    | LBRACE INT (COMMA (INT)?)? RBRACE               # BoundsSuffix
    ;

atom
    : LPAREN union RPAREN                             # Group
    | WORD                                            # Word
    | QUOTED                                          # Quoted
    | EPSILON                                         # Epsilon
    | EMPTYSET                                        # EmptySet
    | ANY                                             # Any
    | LBRACK CARET? setItem* RBRACK                   # Set
    ;

setItem : WORD | QUOTED | COMMA ;

UNION    : '|' | '\u222A' ;                // | ∪
AND      : '&' | '\u2229' ;                // & ∩
MINUS    : '-' | '\u2216' ;                // - ∖
NOT      : '~' | '!' | '\u00AC' ;          // ~ ! ¬
STAR     : '*' ;
PLUS     : '+' ;
QUESTION : '?' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
COMMA    : ',' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
CARET    : '^' ;
EPSILON  : '\u03B5' ;                      // ε   (the word `eps` is recognized by the visitor)
EMPTYSET : '\u2205' ;                      // ∅   (the word `empty` is recognized by the visitor)
ANY      : '.' | '\u03A3' ;                // . Σ
INT      : [0-9]+ ;
// A maximal run of ASCII letters, digits and underscores starting with a letter. The visitor
// splits it into symbols (one letter followed by its digits and underscores) unless it is
// exactly `eps` or `empty`.
WORD     : [A-Za-z] [A-Za-z0-9_]* ;
// Any symbol name, quoted: <foo>, <_x>, <eps>.
QUOTED   : '<' [A-Za-z_] [A-Za-z0-9_]* '>' ;
WS       : [ \t\r\n]+ -> skip ;
