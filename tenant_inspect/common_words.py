"""English words that are also people's names (data: exempt from the module-size rule).

:mod:`.name_matching` replaces an interviewee's first name or surname on its own wherever
it appears, in any case: "Gary", "SUTTON". That would be wrong for a name that is also an
ordinary word: "we hope that", "young people", "Marsh Lane". For the parts listed here a
bare mention is replaced only when written with a capital in mid-sentence and not followed
by another capitalised word; otherwise it is left and listed for review in the export's
"worth checking" list. The list is deliberately generous: a word missing from it is
replaced too eagerly (which shows), never leaked silently.
"""

from __future__ import annotations

_WORDS = """
able acre acres alder all amber angel apple april archer arrow art ash ashes august autumn
ball bank banks barber bark barley barn baron barrow basil bass batch bath beach bean bear
beck bell bells bench berry best bill birch bird bishop black bland bliss bloom blossom blue
boar bob bond booth born boss bough bow bowl bowler bowman box brain bramble branch brand
brass bray bread brewer briar brick bridge bridges bright brook brooks broom brown buck
buckle bud bull bunting burn burns burrow bush butcher butler butt cake camp can cane cannon
cape card carder carol cart carter carver case castle cave chance chandler chase cherry
child christian church clay clear clement clerk cliff close cloud coat cock cole collar colt
comfort cook cooper coral corn cotton court cox crab crane cross crow crown cruise cup
cutter daisy dale dame dancer dare darling dash date dawn day dean dear deer dell diamond
dick dodge doe dole dolly don dot dove drake draper drew drum duck duke dyer eagle earl
early earnest east eaves edge elder elm english ernest ewe fair faith faithful falcon farmer
farrow fawn fell fellow fern field fields finch fish fisher flower flowers ford forest forge
fort fortune foster fowler fox frank free freeman friend frost fry fuller gale game gander
garden gardener gay gem gentle gill glass glen glover gold golden good goodman goose gore
grace grant gray green grey grove guard guest guy hale hall ham hand hardy hare harper hart
hatch haw hawk hay hayes hazel head heath heather hedge hedges hen herd heron high hill
hills holly honey honour hood hook hope horn horner hose house hull hunt hunter hurst iris
ivy jack jade jay jet jewel joiner jolly joy judge june just keen kemp kettle key keys kid
kind king kingdom kite knight knott lace lake lamb lancer land lane lark law lawn lay leach
lead leaf lee lemon lent lever light lily lime little lock long lord love low lucky lyon
maid major march mark marks marsh marshall martin mason master may mayor mead meadow meadows
mercer mercy merry middle mill miller mills mint mist moody moon moor moore moss mould mount
nail neat needle nest new newman nice nick noble noel north nurse nut oak oats olive orange
orchard page palmer park parker parks parrot parson parsons pass pat patience peach pear
pearl peck peg penny pepper perch pike pine pink piper pitt plain plant plum pole pond pool
pope poppy port porter pound power price pride priest prior proud prudence quail quick rain
raven ray read reading reed reeve rich ridge ring rivers road rob robin rock rocks rook root
rose rosemary ross ruby rush russet rust rusty rye sage salt sand sandy savage sawyer scales
seal sergeant shade sharp shaw sheep shepherd shield ship shore short silk silver skinner
sky slate slater small smart snow sonny south sparrow speed spicer spring squire stag
stamp star stark steel sterling steward stock stocks stone storm story stout strange street
strong sue summer summers sunny swain swan sweet tanner taylor temple thatcher thorn tiger
tiler tin tower town trader tree trim trotter trout tucker turner twist vale vane victor
vine violet wade wake walker wall walls ward ware warren wash waters watt wave way weaver
webb webster weeks well wells west whale wheat wheeler white wild will willow wills wing
winter wise wolf wood woods worth wren wright yard york young
"""

COMMON_WORDS: frozenset[str] = frozenset(_WORDS.split())
