#!/usr/bin/env python3
"""Issue 14: map every row of sources.csv to a work; classify the stored URL's host.
Reads /work/main/data/sources.csv (read-only); writes under /work/notes/."""
import csv, re, collections, json
from urllib.parse import urlparse, unquote

SRC = '/work/main/data/sources.csv'
OUT = '/work/notes/'
rows = list(csv.DictReader(open(SRC, encoding='utf-8')))

def host_of(u):
    h = urlparse(u).netloc.lower().rstrip('.')
    return h.split(':')[0]

# ------------------------------------------------------------------ host classes
PIRATE = set('''trantor.is litlife.club rulit.me www.rulit.me user.bibliboba.online usr.bibliboba.online
private.bibliboba.com fb2.top knigochet.com bookreadfree.com erenow.org readli.net litmir.club libcat.ru
homeread.net mybooks.club kniga-online.club litfond.net deepbiglib.com bookhub.club hello.chitka.online
readnow.me newlib.net knigalub.com fb2gratis.com bitlit.ru booksonline.com.ua freenovelread.com
full-english-books.net dokumen.pub ebin.pub vdoc.pub docslib.org docsbay.net vdocuments.site vdocuments.co
vdocument.in pdfslide.net paperzz.com www.scribd.com de.scribd.com tr.scribd.com issuhub.com
collectorofbookboyfriends.com www.yamaguchy.com in.bubooker.vip history.wikireading.ru biography.wikireading.ru
studopedia.ru knigavuhe-audio.com bibliotekaonline.com www.geocities.ws afronord.tripod.com beforeitsnews.com
muslimgift.blogg.se library.by stattionline.org.ua orsk-autogid.ru soviet_intelligence.en-academic.com
whoisjews.en-academic.com theconcordreview.blogspot.com what-when-how.com 610211.6jhxt.group softbeam.net 20.210.105.67 178.128.10.16 li1271-157.members.linode.com
mythesis.help americandeception.com annuaire-inverse-gratuit.org avkrasn.ru'''.split())
ENCMIRROR = set('''iiab.me wikipedia2007.classicistranieri.com wikipedia.classicistranieri.com m.allwatchit.com wikimili.com
piglix.com 108.161.137.60 wiki-gateway.eudic.net worddisk.com hy.w3we.com unsorted.wikisort.ru arganabio.ru
self.gutenberg.org review.clateway.com wiki-org.ru wikiwand.com www.wikiwand.com eifxekqkqvx.shop m.traditio.wiki
n.global.ssl.fastly.net en-academic.com dic.academic.ru enwiki.academic.ru ed.mdict.net ed.newdu.com it.avtodid.pp.ua
kiwix.lema.org kiwix.haohe.fun kiwix.casplantje.nl www.wiki3.en-us.nina.az slovar.cc ww2f.com the-uncensored-wiki.com
it.knowledgr.com de.knowledgr.com fr.knowledger.de wiki.studentb.eu liquisearch.com www.liquisearch.com calendarz.com
image.absoluteastronomy.com absoluteastronomy.com www.fact-index.com fact-index.com it.xcv.wiki wiki.richxsearch.com
encyclopediahub.com en.wikipedia-on-ipfs.org goodnames-eth.ipns.dweb.link gateway.ipfs.io cloudflare-ipfs.com
a.osmarks.net wiki.mises.org www.infomutt.com aenciclopedia.com geschichte.wiki wikide.org es.stringtranslate.com
defr.abcdef.wiki it.abcdef.wiki dept.abcdef.wiki wikivisually.com pinocchiopedia.com profilpelajar.com profilbaru.com
wikizero.com www.wikizero.com owiki.org w.owiki.org infospaze.com everything.explained.today de.zxc.wiki
wikirussya.com руни.рф xn--h1ajim.xn--p1ai wikicn.playgoteam.workers.dev delta-design.ru wiki.gen.edu.vn rudata.ru
pt.teknopedia.teknokrat.ac.id es.teknopedia.teknokrat.ac.id xn--b1aeclack5b4j.su wafarin.com wiki4.ru findatwiki.com
wikicestina.icu folder-file.wap.sh opmmarketplace.com wikipedia.jakami.de www.exampleproblems.com qa.edu.vn
home.cydlabs.com melakarnets.com wiki.privacytools.io wikiclassic.com db0nus869y26v.cloudfront.net web.archive.org
balkanforum.info mdsite.deno.dev lua.ovh www.luna.ovh primidi.com www.princeton.edu slovar-vocab.com
internet-encyclopedia.info historialib.com taktfuld.ru www.thefullwiki.org wiki.niidae.com christianpedia.com
howlingpixel.com atozwiki.com theinfolist.com it.wiki34.com nl.wiki34.com franco.wiki histoire.wiki wikien4.appspot.com
encycloreader.org graphsearch.epfl.ch jspayne.com sparkthread.net quotio.com refract.global.ssl.fastly.net
triviaquestions.online shp2.amsab.be tomorrow.paperai.life reallifevillains.skywiki.org poal.co religiousforums.com
search.aol.com bfjaawards.com gluedideas.com jenikirbyhistory.getarchive.net clever-geek.imtqy.com www.transcend.org
bse.sci-lib.com bse.info-spravka.ru enc-dic.com memim.com sky-net-eye.com infogalactic.com www.altsci.com
www.reference.com hessslslslsls.azureedge.net wikisort.ru www.chinaadditives.ru siha.ru grinch-rp.ru
unsorted.wikisort.ru perceptiofr.com fanyv88.com de.wiki.li askwikinow.com talk.dob.jp vansd.party'''.split())
AI = set('grokipedia.com wikisum.wiki gizmo.ai gitnux.org'.split())

def host_class(h):
    if h in AI: return 'ai'
    if h in PIRATE: return 'pirate'
    if h in ENCMIRROR: return 'encmirror'
    if re.search(r'(^|\.)wiki7\.org$|perceptio..\.com$|perceptio\.?[a-z]*\.com$|bibliboba|ipfs|kiwix|uncensored-wiki|abcdef\.wiki|teknopedia|wiki34\.com|knowledg|scribd\.com|vdocument|liquisearch|owiki\.org|academic\.ru$|en-academic\.com$|classicistranieri', h):
        if re.search('bibliboba|scribd|vdocument|en-academic.com$', h): return 'pirate'
        return 'encmirror'
    return 'ok'

# ------------------------------------------------------------------ helpers
CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяі', ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','iu','ia','i']))
def slug(s, n=48):
    s = s.lower()
    s = ''.join(CYR.get(c, c) for c in s)
    s = re.sub(r'[àáâãäå]', 'a', s); s = re.sub(r'[èéêë]', 'e', s); s = re.sub(r'[ìíîï]', 'i', s)
    s = re.sub(r'[òóôõöø]', 'o', s); s = re.sub(r'[ùúûü]', 'u', s); s = re.sub(r'[ñń]', 'n', s)
    s = re.sub(r'[çć]', 'c', s); s = re.sub(r'[šś]', 's', s); s = re.sub(r'[žźż]', 'z', s); s = re.sub(r'ł', 'l', s)
    s = re.sub(r'[āą]', 'a', s); s = re.sub(r'[ēę]', 'e', s); s = re.sub('ū', 'u', s)
    s = re.sub(r'[^a-z0-9]+', '-', s).strip('-')
    return s[:n].strip('-') or 'x'

# tokens that must never be printed in the outputs (hosts of copies/mirrors and their names)
def bad_tokens():
    toks = set()
    for r in rows:
        h = host_of(r['url'])
        if h and host_class(h) != 'ok':
            toks.add(h)
            parts = [p for p in re.split(r'[.\-]', h) if p]
            labels = h.split('.')
            core = labels[-2] if len(labels) >= 2 else labels[0]
            if len(core) >= 5 and core not in ('wikipedia', 'pages', 'online', 'global', 'appspot', 'workers', 'archive', 'academic', 'cloudfront', 'fastly'):
                toks.add(core)
    extra = '''piglix wikimili worddisk wikiwand liquisearch bibliboba rulit litlife trantor litmir knigochet bookreadfree erenow
    readli libcat homeread chitka readnow newlib knigalub fb2gratis bitlit freenovelread dokumen ebin vdoc docslib docsbay
    vdocuments pdfslide paperzz scribd issuhub wikireading studopedia bibliotekaonline geocities tripod wikisum grokipedia
    clateway perceptio wiki7 profilpelajar profilbaru wikizero owiki infospaze kiwix iiab absoluteastronomy fact-index
    classicistranieri uncensored-wiki wikivisually pinocchiopedia infogalactic everything.explained wikirussya runiversalis
    traditio stringtranslate abcdef knowledgr knowledger nina.az eudic w3we wikisort allwatchit mdict newdu slovar.cc
    sci-lib info-spravka memim zxc.wiki wiki.li studentb richxsearch encyclopediahub osmarks cydlabs melakarnets
    privacytools wikiclassic exampleproblems thefullwiki niidae christianpedia howlingpixel atozwiki theinfolist wiki34
    franco.wiki encycloreader sparkthread quotio refract triviaquestions paperai skywiki calendarz gluedideas getarchive
    clever-geek transcend bfjaawards fanyv88 wafarin delta-design rudata teknopedia mises.org infomutt aenciclopedia
    geschichte.wiki wikide findatwiki wikicestina opmmarketplace jakami worddisk qa.edu.vn softbeam 6jhxt linode
    mythesis americandeception annuaire-inverse avkrasn orsk-autogid muslimgift beforeitsnews stattionline library.by
    knigavuhe in.bubooker yamaguchy collectorofbookboyfriends full-english-books booksonline.com.ua deepbiglib bookhub
    mybooks.club kniga-online litfond fb2.top gizmo.ai gitnux lua.ovh luna.ovh primidi jspayne epfl reference.com
    slovar-vocab internet-encyclopedia historialib taktfuld mdsite balkanforum wikien4 hessslslslsls chinaadditives
    grinch-rp siha.ru amsab poal religiousforums search.aol enc-dic sky-net-eye altsci ww2f ipfs wikipedia-on-ipfs
    eifxekqkqvx arganabio gutenberg.org wiki-org wiki4 folder-file'''.split()
    toks |= set(extra)
    return sorted(toks, key=len, reverse=True)
BAD = bad_tokens()

def clean(s):
    """Remove parenthetical/bracketed mentions of copy hosts and copy wording from a text field."""
    if not s: return s
    def repl(m):
        inner = m.group(0)
        low = inner.lower()
        if any(t.lower() in low for t in BAD) or re.search(r'\bcopy\b|mirror|online copy|machine translation|translated copy|after wikipedia|proxied', low):
            return ''
        return inner
    s = re.sub(r'\([^()]*\)', repl, s)
    s = re.sub(r'\[[^\[\]]*\]', lambda m: '' if any(t.lower() in m.group(0).lower() for t in BAD) else m.group(0), s)
    for t in BAD:
        if t.lower() in s.lower():
            s = re.sub(re.escape(t), '[copy host]', s, flags=re.I)
    return re.sub(r'\s{2,}', ' ', s).strip(' ,;')

# ------------------------------------------------------------------ manual mapping: source_id -> (work_key, locator)
M = {}
def m(keys, work, loc=''):
    for k in keys.split(): M[k] = (work, loc)
PU = 'print pages unverified'
m('conquest-great-terror', 'conquest-1990', '')
m('conquest-great-terror-rulit-29', 'conquest-1990', PU + ' (copy p. 29)')
m('conquest-great-terror-rulit-28', 'conquest-1990', PU + ' (copy p. 28)')
m('conquest-great-terror-p310', 'conquest-1990', PU + ' (copy p. 310)')
m('conquest-great-terror-bibliboba-p215', 'conquest-1990', PU + ' (copy p. 215)')
m('getty-naumov-1936-chapter', 'getty-naumov-1999', "ch. 6 'The Face of the Enemy, 1936'; " + PU)
m('getty-rittersporn-zemskov-1993', 'getty-rittersporn-zemskov-1993', 'pp. 1017-1049 (opening pages only read)')
m('davies-wheatcroft-2006-reply', 'davies-wheatcroft-2006', 'pp. 625-633')
m('zemskov-gulag-bibliboba', 'zemskov-1991', PU + ' (copy p. 2)')
m('zemskov-gulag-bibliboba-p10', 'zemskov-1991', PU + ' (copy p. 10)')
m('zemskov-gulag-orsk', 'zemskov-1991', 'no. 6 pp. 10-27; no. 7 pp. 3-16 (as printed in the copy)')
m('jansen-petrov-yezhov', 'jansen-petrov-ru', PU)
for sid, loc in [('service-stalin-bibliboba-p89','copy p. 89'),('service-stalin-booksonline-p50','copy p. 50'),('service-stalin-bibliboba-p62','copy p. 62'),
                 ('service-stalin-p72','copy p. 72'),('service-stalin-rulit-56','copy p. 56'),('service-stalin-rulit-57','copy p. 57'),('service-stalin-p108','copy p. 108')]:
    m(sid, 'service-2004', PU + ' (' + loc + ')')
m('service-stalin-ch11', 'service-2004', "ch. 11 'Return to Petrograd'")
m('service-stalin-ch14-tsaritsyn', 'service-2004', 'ch. 14')
m('service-stalin-ch17-with-lenin', 'service-2004', "ch. 17 'With Lenin'")
m('kotkin-stalin-v1-ch14', 'kotkin-2014', 'ch. 14')
m('kotkin-stalin-v1-ch13', 'kotkin-2014', 'ch. 13 (opening)')
m('kotkin-paradoxes-ch11', 'kotkin-2014', "ch. 11 'Remove Stalin'")
for sid, p in [('kotkin-stalin-v1-bookreadfree','43'),('kotkin-v1-bookreadfree-p9809960','?'),('kotkin-stalin-v1-bookreadfree-p99','99'),('kotkin-stalin-v1-p50','50'),('kotkin-stalin-v1-p42','42')]:
    m(sid, 'kotkin-2014', PU + ('' if p == '?' else ' (copy p. %s)' % p))
m('kotkin-stalin-v1-ru', 'kotkin-ru', PU)
m('kotkin-stalin-2', 'kotkin-2017', PU)
m('kotkin-stalin-2-notes', 'kotkin-2017', 'endnotes, n. 285')
for sid, p in [('kotkin-stalin-v2-p13','13'),('kotkin-stalin-v2-p14','14'),('kotkin-stalin-v2-p27','27'),('kotkin-stalin-v2-rulit-22','22'),('kotkin-stalin-v2-p73','73')]:
    m(sid, 'kotkin-2017', PU + ' (copy p. %s)' % p)
m('kotkin-stalin-v2-notes-632', 'kotkin-2017', 'endnotes; ' + PU + ' (copy p. 632)')
m('lenin-letter-to-congress martens-another-view-lenin-letter', 'lenin-cw36', 'Letter to the Congress; pages unverified')
M['martens-another-view-lenin-letter'] = ('martens-another-view', 'page quoting the Letter to the Congress')
m('lenin-cw36-nationalities', 'lenin-cw36', "'The Question of Nationalities or \"Autonomisation\"'")
m('lenin-cw26-second-congress', 'lenin-cw26', 'Second All-Russia Congress of Soviets, with editorial notes')
m('lenin-cw32-10th-congress', 'lenin-cw32', 'Tenth Congress of the R.C.P.(B.)')
m('lenin-1920-trade-unions-speech', 'lenin-cw32', "'The Trade Unions, the Present Situation and Trotsky's Mistakes'")
m('lenin-1921-party-crisis', 'lenin-cw32', "'The Party Crisis'")
m('lenin-cw33-11th-congress', 'lenin-cw33', 'Eleventh Congress of the R.C.P.(B.), editors\' note')
m('lenin-cw-note-foreign-trade', 'lenin-cw42', "'On the Question of the Foreign Trade Monopoly', editorial note 476")
m('lenin-1922-12-13-to-trotsky', 'lenin-cw45', 'letter of 13 Dec. 1922')
m('lenin-1922-12-21-to-trotsky', 'lenin-cw45', 'letter of 21 Dec. 1922')
m('lenin-1923-03-05-to-stalin lenin-cw45-to-stalin', 'lenin-cw45', 'letter of 5 Mar. 1923, editorial note 767')
m('stalin-works-v6-contents', 'stalin-works-6', 'contents')
m('stalin-works-vol6-preface', 'stalin-works-6', 'preface')
m('stalin-works-v10-note173', 'stalin-works-10', "editors' note 173")
m('stalin-works-v11-contents', 'stalin-works-11', 'contents')
m('stalin-works-nov-1928', 'stalin-works-11', 'speech of 19 Nov. 1928')
m('stalin-works-bukharin-group', 'stalin-works-11', "'Bukharin's Group and the Right Deviation in Our Party'")
m('marxists-stalin-1917-03-16-war', 'stalin-works-3', "'The War' (Pravda, 16 Mar. 1917)")
m('stalin-1918-06-07-telegram', 'stalin-works-4', 'telegram of 7 June 1918')
m('docsbay-report-1936', 'report-1936', 'list of the accused; trial dates')
m('report-1936-kirov-section', 'report-1936', 'indictment, section II (Kirov)')
m('marxists-1936-indictment', 'report-1936', 'indictment (19 Aug. 1936, morning session)')
m('libcat-1937-trial-report', 'report-1937-ru', 'composition of the court')
m('stalingrad-hrasche-1937', 'report-1937-de', 'examination of Hrasche')
m('trial-report-1938-levin', 'report-1938-ru', PU + ' (copy p. 71)')
m('ru-stenogram-maximov', 'report-1938-ru', 'examination of Maksimov-Dikovsky')
m('verdict-1938-de', 'report-1938-de', 'verdict')
m('trial-report-1938-bessonov', 'report-1938-de', 'examination of Bessonov')
m('rayfield-stalin-hangmen', 'rayfield-2004', PU)
for p in ('168', '206', '207'): m('rayfield-hangmen-p' + p, 'rayfield-2004', PU + ' (copy p. %s)' % p)
m('heller-nekrich-utopia', 'heller-nekrich-1986', PU)
m('khlevniuk-politburo-1930s', 'khlevniuk-1996-politbiuro', 'appendix; ' + PU)
m('kurashvili-appendix-trantor', 'kurashvili-1996', 'pp. 159-60, as reproduced in Appendix 1 of an unidentified English-language book')
m('historical-dictionary-civil-wars', 'smele-2015', "entry 'Trotsky'")
m('smele-dictionary-zinoviev', 'smele-2015', "entry 'Zinov'ev, Grigorii Evseevich'")
m('hdrcw-p37', 'smele-2015', 'introduction; ' + PU)
m('hdrcw-p831', 'smele-2015', "entry 'Trotsky'")
m('hdrcw-p911', 'smele-2015', "entry 'VTsIK'")
m('hdrcw-chronology-1918', 'smele-2015', 'chronology, July-August 1918')
m('hdrcw-chronology-1920', 'smele-2015', 'chronology, 1920')
m('hdrcw-chronology-1921', 'smele-2015', 'chronology, 1921')
m('hdrcw-p781 hdrcw-p782-stalin', 'smele-2015', "entry 'Stalin'")
m('en-academic-moscow-trials', 'pringle-2006', "entry 'Moscow Trials' (edition not verified)")
m('hist-dict-soviet-intelligence-trotsky', 'pringle-2006', "entry 'Trotsky'")
m('pringle-dictionary-mass-graves', 'pringle-2014', "entry 'Graves, Mass'")
m('rogovin-vlast-i-oppozitsii rogovin-vlast-i-oppozitsii-libcat rogovin-vlast-libcat', 'rogovin-vlast', PU)
m('rogovin-vlast-knigochet', 'rogovin-vlast', PU + ' (copy p. 98)')
m('rogovin-vlast-homeread-p33', 'rogovin-vlast', PU + ' (copy p. 33)')
m('rogovin-1937', 'rogovin-1937', PU + ' (copy p. 57)')
m('cherushev-1937-goryachev', 'cherushev-1937', PU + ' (copy p. 29)')
m('cherushev-1937-kashirin', 'cherushev-1937', PU + ' (copy p. 27)')
m('inoi-stalin-p166', 'inoi-stalin', PU + ' (copy p. 166)')
m('stalinskaya-epokha-bibliboba', 'stalinskaia-epokha', PU + ' (copy p. 128)')
m('stalinskaya-epokha-rulit', 'stalinskaia-epokha', PU + ' (copy p. 135)')
m('applebaum-gulag-howmany', 'applebaum-2003', "appendix 'How Many?'")
m('applebaum-gulag-p345', 'applebaum-2003', PU + ' (copy p. 345)')
m('applebaum-red-famine goodbooks-red-famine', 'applebaum-2017', '')
m('schlogel-moscow-1937', 'schlogel-2012', PU)
m('chase-enemies-within-gates-quote', 'chase-2001', 'p. 306 (as quoted)')
m('birstein-perversion', 'birstein-2001', PU)
m('birstein-smersh-ch4', 'birstein-smersh', "ch. 4 'Highest Courts'")
m('deutscher-soviet-trade-unions-ch3', 'deutscher-1950', "ch. 3 'The New Economic Policy'")
m('figes-peoples-tragedy', 'figes-1996', PU)
for p in ('550', '551', '552'): m('figes-peoples-tragedy-p' + p, 'figes-1996', PU + ' (copy p. %s)' % p)
m('patenaude-trotsky-funeral', 'patenaude-2009', PU + ' (copy p. 23)')
m('patenaude-trotsky-stalin-book', 'patenaude-2009', PU + ' (copy p. 22)')
m('trotsky-downfall-ch08-trantor', 'patenaude-2009', 'ch. 8')
m('montefiore-young-stalin-erenow-ch32', 'montefiore-2007', 'ch. 32')
m('montefiore-court-red-tsar-blog', 'montefiore-2003', 'excerpt on Nadezhda Allilueva\'s death')
m('stalin-library-bibliboba-p24', 'roberts-2022', PU + ' (copy p. 24)')
m('roberts-stalins-library-p37', 'roberts-2022', PU + ' (copy p. 37)')
m('roberts-stalins-library-rulit-21', 'roberts-2022', PU + ' (copy p. 21)')
m('naimark-stalins-genocides', 'naimark-2010', 'ch. 2')
m('slusser-stalin-in-october', 'slusser-1987', '')
m('volkogonov-trotsky-p43', 'volkogonov-trotsky', PU + ' (copy p. 43)')
m('broue-trotsky-ch49', 'broue-1988', "ch. 49 'Séjour libre en France'")
m('broue-trotsky-ch51', 'broue-1988', "ch. 51 'L'expulsé sans visa'")
m('broue-1971-unified-opposition', 'broue-1971', 'ch. 10')
m('cliff-1990-brest-litovsk', 'cliff-1990', "ch. 2 'The Peace of Brest-Litovsk'")
m('cliff-1991-campaign-against-trotsky', 'cliff-1991', 'ch. 2')
m('cliff-1991-troika-split', 'cliff-1991', "ch. 6 'Split in the Troika'")
m('felshtinsky-trotsky-enemy', 'felshtinsky-vrag', PU)
m('chernyavsky-trotsky-p226', 'chernyavsky-trotsky', PU + ' (copy p. 226)')
m('hoidal-trotsky-in-norway', 'hoidal-2013', 'preface')
m('smith-former-people-ch55', 'smith-2012', 'ch. 55')
m('mitrokhin-sword-shield-ch5', 'andrew-mitrokhin-1999', "ch. 5 'Terror'")
m('baabar-great-purge-mongolia', 'baabar-1999', "ch. 21 'The Great Purge'")
m('pipes-bolshevik-regime-chronology', 'pipes-bolshevik-regime', 'chronology')
m('service-penguin-modern-russia', 'service-modern-russia', PU)
m('ziemke-armed-camp', 'ziemke-red-army', "chapter 'The Armed Camp' (abstract)")
m('draper-american-communism', 'draper-1960', "chapter 'The Sixth World Congress'")
m('freeze-russia-history-p172', 'freeze-russia', PU + ' (copy p. 172)')
m('pisch-stalin-posters-ch3', 'pisch-2016', 'ch. 3')
m('rothstein-wreckers-on-trial', 'rothstein-1931', '')
m('dewey-case-of-leon-trotsky', 'dewey-1937', '')
m('dewey-not-guilty', 'dewey-1938', '')
m('khrushchev-crimes-nicolaevsky', 'khrushchev-1956', '')
m('khrushchev-1956-secret-speech-p22', 'khrushchev-1956', 'transcription page 22')
m('artizov-reabilitatsiya', 'artizov-reabilitatsiia', "prosecutor's review of Krylenko's case")
m('felshtinsky-dnevniki-p22', 'trotsky-dnevniki', PU + ' (copy p. 22)')
m('vanheijenoort-journal-avant-propos', 'trotsky-journal-exil', 'avant-propos (J. van Heijenoort)')
m('trotsky-journal-exil-juin-1935', 'trotsky-journal-exil', 'third notebook, 17 and 20 June 1935')
# shared non-main works (described in 14-works-other.bib)
m('werth-00447-massviolence', 'werth-2010-00447', "section 'C. Victims'")
m('werth-00447-sciencespo', 'werth-2010-00447', "section 'A. Context'")
m('werth-2010-00447-massviolence', 'werth-2010-00447', '')
m('werth-2011-dekulakisation werth-dekulakisation-sciencespo', 'werth-2011-dekulakisation', '')
m('matonin-krasnye-knigochet-p355', 'matonin-krasnye', PU + ' (copy p. 355)')
m('krasnye-platform', 'matonin-krasnye', PU + ' (copy p. 212)')
m('populiarnaia-istoriia-kpss popular-history-kpss', 'populiarnaia-istoriia-kpss', PU)
m('zinoviev-bio-petrograd-commune', 'zinoviev-otvergnutyi-vozhd', PU + ' (copy p. 55)')
m('zinoviev-biography-bibliboba-p247', 'zinoviev-otvergnutyi-vozhd', PU + ' (copy p. 247)')
m('zinoviev-biography-bibliboba-p248', 'zinoviev-otvergnutyi-vozhd', PU + ' (copy p. 248)')
m('martens-dekulakization', 'martens-another-view', "chapter on the resolution on dekulakization")
m('dewey-commission-1937', 'dewey-commission-summary-1937', '')
m('mylife-ch43-exile', 'trotsky-my-life', "ch. 43 'The Exile'")
m('stalin-dizzy-with-success stalin-dizzy-marxists', 'stalin-1930-dizzy', '')
m('report-1936-kirov-section', 'report-1936', 'indictment, section II (Kirov)')
m('kyivpost-snyder-red-famine', 'snyder-review-red-famine', '')
m('hordijk-red-famine-review', 'hordijk-review-red-famine', '')

WPO = {}
def w(ids, key, loc=''):
    for i in ids.split(): WPO[i] = (key, loc)
w('ruwiki-rudzutak-it', 'wp-ru-rudzutak-ian-ernestovich'); w('ruwiki-andreyev', 'wp-ru-andreev-andrei-andreevich')
w('ruwiki-chubar-pt', 'wp-ru-chubar-vlas-iakovlevich'); w('ruwiki-zhdanov-fr', 'wp-ru-zhdanov-andrei-aleksandrovich')
w('perceptiofr-stroilov', 'wp-ru-stroilov-mikhail-stepanovich'); w('wiki7-national-operations balkanforum-nkwd-national', 'wp-de-nationale-operationen-des-nkwd')
w('siha-yezhov', 'wp-ru-ezhov-nikolai-ivanovich'); w('wp-dzerzhinsky-2004', 'wp-en-felix-dzerzhinsky', 'old version (2004)')
w('wp-rudzutak-academic', 'wp-en-janis-rudzutaks', 'older version'); w('wp-krestinsky-old', 'wp-en-nikolay-krestinsky', 'older version')
w('calendarz-beria factindex-beria', 'wp-en-lavrentiy-beria'); w('wp-ulrikh', 'wp-en-vasili-ulrikh', 'Italian machine translation of the English article')
w('wp-ordzhonikidze-old', 'wp-en-sergo-ordzhonikidze', 'older version'); w('wp-kaganovich', 'wp-en-lazar-kaganovich')
w('infospaze-soviet-famine wp-soviet-famine-2008-revision', 'wp-en-soviet-famine-of-1930-1933', "older title 'Soviet famine of 1932-33'")
M_rev = {'wp-soviet-famine-2008-revision': 'revision of 7 July 2008 (older title)'}
for k, v in M_rev.items(): WPO[k] = ('wp-en-soviet-famine-of-1930-1933', v)
w('wp-united-opposition-infogalactic historialib-united-opposition', 'wp-en-united-opposition-soviet-union')
w('clateway-wp-cheka', 'wp-en-cheka'); w('piglix-wp-nkvd', 'wp-en-nkvd'); w('ipfs-wp-treaty-ussr', 'wp-en-treaty-on-the-creation-of-the-union-of-soviet-so', 'older version')
w('reference-trial-twenty-one exampleproblems-trial-21', 'wp-en-case-of-the-anti-soviet-bloc-of-rightists-and-tr', "older title 'Trial of the Twenty-One'")
w('wp-kirov-infogalactic', 'wp-en-sergei-kirov', 'fork of an older version'); w('wp-places-named-stalin-2007', 'wp-en-list-of-places-named-after-joseph-stalin', 'older version')
w('wp-soviet-anthem-piglix wikisum-soviet-anthem', 'wp-en-state-anthem-of-the-soviet-union'); w('thefullwiki-aggravation-class-struggle', 'wp-en-intensification-of-the-class-struggle-under-soci', 'older title')
w('wp-korenizatsiya-liquisearch', 'wp-en-korenizatsiia', 'older version'); w('zhwiki-second-moscow-trial', 'wp-zh-second-moscow-trial')
w('eswiki-marxismo-cuestion-nacional', 'wp-es-el-marxismo-y-la-cuestion-nacional'); w('amsab-zinoviev wp-zinoviev-lead-copy', 'wp-en-grigory-zinoviev', 'lead')
w('reallifevillains-wp-stalin-cult-diff', 'wp-en-joseph-stalin-s-cult-of-personality'); w('refract-wp-kirov-snippets', 'wp-en-moscow-trials', 'snippets')
w('wp-history-ussr-1927-1953-altsci', 'wp-en-history-of-the-soviet-union-1927-1953', 'section on show trials (old version)')
w('wp-chubar-it', 'wp-en-vlas-chubar', 'Italian machine translation'); w('calendarz-yagoda liquisearch-yagoda', 'wp-en-genrikh-yagoda')
WPT = {'wp-ru-rudzutak-ian-ernestovich': 'Рудзутак, Ян Эрнестович', 'wp-ru-andreev-andrei-andreevich': 'Андреев, Андрей Андреевич',
       'wp-ru-chubar-vlas-iakovlevich': 'Чубарь, Влас Яковлевич', 'wp-ru-zhdanov-andrei-aleksandrovich': 'Жданов, Андрей Александрович',
       'wp-ru-stroilov-mikhail-stepanovich': 'Строилов, Михаил Степанович', 'wp-de-nationale-operationen-des-nkwd': 'Nationale Operationen des NKWD',
       'wp-ru-ezhov-nikolai-ivanovich': 'Ежов, Николай Иванович', 'wp-en-felix-dzerzhinsky': 'Felix Dzerzhinsky', 'wp-en-janis-rudzutaks': 'Jānis Rudzutaks',
       'wp-en-nikolay-krestinsky': 'Nikolay Krestinsky', 'wp-en-lavrentiy-beria': 'Lavrentiy Beria', 'wp-en-vasili-ulrikh': 'Vasili Ulrikh',
       'wp-en-sergo-ordzhonikidze': 'Sergo Ordzhonikidze', 'wp-en-lazar-kaganovich': 'Lazar Kaganovich', 'wp-en-soviet-famine-of-1930-1933': 'Soviet famine of 1930–1933',
       'wp-en-united-opposition-soviet-union': 'United Opposition (Soviet Union)', 'wp-en-cheka': 'Cheka', 'wp-en-nkvd': 'NKVD',
       'wp-en-treaty-on-the-creation-of-the-union-of-soviet-so': 'Treaty on the Creation of the Union of Soviet Socialist Republics',
       'wp-en-case-of-the-anti-soviet-bloc-of-rightists-and-tr': 'Case of the Anti-Soviet "Bloc of Rightists and Trotskyites"', 'wp-en-sergei-kirov': 'Sergei Kirov',
       'wp-en-list-of-places-named-after-joseph-stalin': 'List of places named after Joseph Stalin', 'wp-en-state-anthem-of-the-soviet-union': 'State Anthem of the Soviet Union',
       'wp-en-intensification-of-the-class-struggle-under-soci': 'Intensification of the class struggle under socialism', 'wp-en-korenizatsiia': 'Korenizatsiia',
       'wp-zh-second-moscow-trial': '第二次莫斯科审判', 'wp-es-el-marxismo-y-la-cuestion-nacional': 'El marxismo y la cuestión nacional', 'wp-en-grigory-zinoviev': 'Grigory Zinoviev',
       'wp-en-joseph-stalin-s-cult-of-personality': "Joseph Stalin's cult of personality", 'wp-en-moscow-trials': 'Moscow trials',
       'wp-en-history-of-the-soviet-union-1927-1953': 'History of the Soviet Union (1927–1953)', 'wp-en-vlas-chubar': 'Vlas Chubar', 'wp-en-genrikh-yagoda': 'Genrikh Yagoda'}
NOURL = {'wp-ru-stroilov-mikhail-stepanovich', 'wp-en-state-anthem-of-the-soviet-union', 'wp-ru-ezhov-nikolai-ivanovich'}
# non-Wikipedia reference works that were swept into the Wikipedia branch
for a, b in [('litlife-136362-p5','unid-book-convictions-commentary'),('readli-244724-pg8','unid-book-itl-population-1930-1934'),
             ('knigochet-180108-154','unid-book-military-case'),('newlib-kulchytsky','unid-book-kulchytsky-estimates'),
             ('litmir-1936-verdict','unid-book-1936-verdict'),('litmir-orel-1941','unid-book-orel-1941-documents'),
             ('litmir-ryutin-rehabilitation','unid-book-ryutin-rehabilitation'),('newlib-kirov-trial','unid-book-kirov-murder'),
             ('newlib-trotsky-1918','unid-book-supreme-military-council-1918'),('chronology-russian-revolution-rulit','unid-book-russian-revolution-chronology'),
             ('trantor-battle-of-warsaw-1920','unid-book-battle-of-warsaw-1920'),('knigalub-maximov','unid-book-kuibyshev'),
             ('ulyanova-recollections-knigochet-p651','unid-book-ulyanova-recollections'),('bibliboba-dzerzhinsky-biography','dzerzhinskii-biography'),
             ('bibliboba-lev-trotskii-p38','unid-book-lev-trotskii'),('bibliboba-stalin-put-k-vlasti-p141','stalin-put-k-vlasti'),
             ('knigavuhe-1938-verdict','audiobook-1938-trial-description'),('gitnux-holodomor','gitnux-holodomor-statistics'),
             ('poal-holodomor-blacklists','forum-holodomor-blacklists'),('religiousforums-lysenko','forum-lysenko'),('gizmo-kirov-notes','ai-notes-kirov'),
             ('reference-com-ww2-end','qa-page-ww2-end'),('americandeception-tasks-1932','little-lenin-library-1932-tasks'),
             ('lenin-april-theses-mythesis','lenin-1917-april-theses'),('wikireading-zelensky','biogr-reference-zelensky'),
             ('avkrasn-prisons-1939-1960','prisons-1939-1960-table'),('rulit-radek-granddaughter','radek-granddaughter-memoir')]:
    M[a] = (b, M.get(a, (b, ''))[1])
for a in ('litlife-136362-p5','readli-244724-pg8'): M[a] = (M[a][0], PU)
M['skynet-shakhty-encyclopedia'] = ('ru-encdict-shakhtinskoe-delo', '')
M['gse-right-wing-deviation'] = ('gse-right-wing-deviation-in-the-all-union-communist-party', '')
MAINKEYS = set(re.findall(r'^@\w+\{([^,]+),', open(OUT + '14-works.bib').read(), re.M))

# ------------------------------------------------------------------ automatic mapping
LANGS = [('Russian','ru'),('German','de'),('Italian','it'),('French','fr'),('Polish','pl'),('Swedish','sv'),
         ('Norwegian','no'),('Finnish','fi'),('Spanish','es'),('Portuguese','pt'),('Ukrainian','uk'),('Belarusian','be'),
         ('Chinese','zh'),('Simple English','simple'),('Scots','sco'),('Korean','ko'),('Armenian','hy')]
LANGNAME = {v: k for k, v in LANGS}; LANGNAME['en'] = 'English'
def wp_lang(r):
    h = host_of(r['url'])
    mm = re.match(r'^([a-z\-]+)\.(m\.)?wikipedia\.org$', h)
    if mm and mm.group(1) not in ('en',): return mm.group(1)
    a = r['author'] + ' ' + r['title'] + ' ' + r['genre']
    if re.search('Wikipédia', a): return 'fr'
    for name, code in LANGS:
        if name in r['author']: return code
    for name, code in LANGS:
        if re.search(r'\(%s' % name, r['title']) or ('of %s Wikipedia' % name) in a or ('%s Wikipedia' % name) in a:
            return code
    if re.search('Runiversalis|Traditio|Рувики', a) or (re.search('[А-Яа-я]', r['title'][:3])): return 'ru'
    if re.search('translat', a, re.I) and re.search(r'Russian Wikipedia|copy of the Russian', r['assessment']): return 'ru'
    if re.search(r'German Wikiped', a): return 'de'
    return 'en'

def wp_title(t):
    t = re.sub(r'\s*\((?:[^()]*\b(?:copy|translation|summary|digest|mirror|revision|mobile|version|lead|infobox|section|Kiwix|older|early|snippets|archived|after)\b[^()]*)\)', '', t)
    t = re.sub(r'\s*\(revision[^)]*\)', '', t)
    t = re.sub(r'\s+[–-]\s+(?!\d).*$', '', t) if re.search(r'\s[–-]\s[A-Z]', t) else t
    t = re.sub(r'^\[|\]$', '', t)
    return t.strip(' .')

def is_wikipedia(r):
    a = r['author'] + ' ' + r['title'] + ' ' + r['publisher']
    h = host_of(r['url'])
    if 'wikipedia.org' in h: return True
    if re.search(r'Wikipedia|Wikipédia|Runiversalis|Traditio|Рувики|WikiSum|Mises Wiki|after Wikipedia', a): return True
    if re.search(r'Wikipedia', r['assessment'][:160]) and re.search('encyclop|wiki', r['genre']+r['title'], re.I): return True
    if h in ('wikisum.wiki', 'grokipedia.com'): return True
    return False

ENC_FAMILIES = [(r'Britannica', 'britannica'), (r'Great Soviet|Большая советская|GSE|\bBSE\b', 'gse'),
                (r'Большая российская|Great Russian Encyclopedia|bigenc', 'bre'), (r'Encyclopedia of Ukraine', 'eou'),
                (r'Encyclopedia of Russian History', 'ehr'), (r'Oxford Reference', 'oxford-ref'), (r'Universalis', 'universalis'),
                (r'Treccani|Enciclopedia Italiana', 'treccani'), (r'Brockhaus', 'brockhaus'), (r'World Book', 'worldbook'),
                (r'Citizendium', 'citizendium'), (r'New World Encyclopedia', 'nwe'), (r'Мегаэнциклопедия', 'megabook'),
                (r'Большая биографическая', 'bbe'), (r'Spartacus', 'spartacus'), (r'Archontology', 'archontology'),
                (r'Encyclopaedia of Saint Petersburg', 'encspb'), (r'Estonica', 'estonica')]

def kind_of(r, fam=None):
    g = (r['genre'] + ' ' + r['title']).lower()
    if fam: return 'reference work'
    if re.search(r'encyclop|dictionary|glossary|reference (article|book)|biographical (database|reference)|victims database|database (entry|introduction|description|documentation)|chronology', g): return 'reference work'
    gg = r['genre'].lower()
    if re.search(r'forum|blog|study|notes|essay|student', gg) and not re.search('journal', gg): return 'other'
    if re.search(r'journal article|monograph|thesis|working paper|book chapter', gg): return 'scholarship'
    if re.search(r'news|newspaper|magazine|\bpress\b|anniversary note|book review|photo caption', gg) or re.search(r'^time\b', r['author'].lower()): return 'press'
    if re.search(r'^(leon trotsky|leo trotzki|j\. v\. stalin|и\. в\. сталин|v\. i\. lenin|nikolai bukharin|christian rakovsky|adolf joffe)', r['author'].lower()): return 'published documents'
    if re.search(r'polemical book|history by a participant|primary|document|decree|speech|letter|telegram|diary|memoir|autobiograph|collected works|court|trial record|hearing|commission report|archival|transcript|pamphlet|resolution|protocol|article \((web copy|translation|blog|collected|works)', g): return 'published documents'
    if re.search(r'journal article|monograph|thesis|working paper|scholarly|book chapter|research', g): return 'scholarship'
    return 'other'

def locator_from_title(t):
    mm = re.search(r'\((?:section|sections)?\s*([^()]*(?:section|chapter|ch\.|page|p\.)[^()]*)\)', t)
    return ''

mapping = []
other_works = collections.OrderedDict()   # key -> dict(fields)
for r in rows:
    sid = r['source_id']; h = host_of(r['url']); hc = host_class(h) if h else 'none'
    work = loc = kind = None
    if sid in M:
        work, loc = M[sid]
    fam = None
    if work is None and r['kind'] == 'source-text':
        work, kind = 'seed-' + r['seed_file'][:3], 'other'
    famhit = any(re.search(pat, r['author']) for pat, _ in ENC_FAMILIES) and not re.search('Wikipedia|after Wikipedia', r['author'])
    if sid in WPO:
        work, loc = WPO[sid]; kind = 'reference work'
        if work.startswith('wp-') and work not in other_works:
            lang = work.split('-')[1]; title = WPT.get(work, wp_title(clean(r['title'])))
            other_works[work] = dict(type='misc', title=title, author='{Wikipedia contributors}', howpublished='Wikipedia (%s)' % LANGNAME.get(lang, lang), kind='reference work',
                url=('https://%s.wikipedia.org/wiki/%s' % (lang, title.replace(' ', '_'))) if work not in NOURL else '', note='Canonical article; ' + ('URL built from the article title, not checked against the live site.' if work not in NOURL else 'canonical title not verified (only a translated copy was read); no URL given.'))
    if work is None and not famhit and is_wikipedia(r) and not re.search(r'forum|search|caption|diff', r['genre'] + ' ' + r['title'], re.I) or (work is None and hc == 'encmirror' and re.search('encyclop|wiki', r['genre'], re.I) and not any(re.search(p, r['author'] + r['title'] + r['genre']) for p, _ in ENC_FAMILIES)):
        lang = wp_lang(r); title = wp_title(clean(r['title']))
        work = 'wp-%s-%s' % (lang, slug(title)); kind = 'reference work'
        secm = re.search(r'\((?:section|sections)\s+([^)]*)\)|\(([^()]*section[^()]*)\)|\s[–-]\s([A-Z][^()]*)$', r['title'])
        loc = ('section: ' + next(g for g in secm.groups() if g)) if secm else ''
        if re.search(r'revision of ([^)]*)', r['title']): loc = 'revision of ' + re.search(r'revision of ([^)]*)', r['title']).group(1)
        other_works.setdefault(work, dict(type='misc', title=title, author='{Wikipedia contributors}', howpublished='Wikipedia (%s)' % LANGNAME.get(lang, lang),
            kind='reference work', url='https://%s.wikipedia.org/wiki/%s' % (lang, title.replace(' ', '_')),
            note='Canonical article; URL built from the article title, not checked against the live site. Cite with access date or permanent revision link.'))
    if work is None:
        txt = r['author'] + ' ' + r['title'] + ' ' + r['genre'] + ' ' + r['publisher']
        for pat, f in ENC_FAMILIES:
            if re.search(pat, txt) and re.search('encyclop|dictionary|reference|educational|history encyclopedia|glossary|entry', r['genre'], re.I):
                fam = f; break
        if fam:
            title = clean(re.sub(r'\s*\[[^\]]*\]', '', r['title']))
            work = '%s-%s' % (fam, slug(title)); kind = 'reference work'
            auth = clean(r['author']) if not re.search('Britannica|Encyclop|Oxford|Universalis|Great Soviet|Большая|World Book|Citizendium|Archontology|Spartacus', r['author']) else ''
            other_works.setdefault(work, dict(type='misc', title=title, author=auth, howpublished=clean(re.sub(r'\s*\(.*', '', r['author'])) or fam,
                kind='reference work', url=(r['url'] if hc == 'ok' else ''), note='Canonical reference-work article.' + ('' if hc == 'ok' else ' The stored copy is not a legitimate host; link the publisher\'s site instead (URL not verified).')))
    if work is None:
        base = sid
        for t in BAD:
            base = re.sub(r'(^|-)' + re.escape(slug(t)) + r'(-|$)', r'\1\2', base)
        base = re.sub('-{2,}', '-', base).strip('-') or slug(r['title'])
        work = base
        kind = kind_of(r)
    if kind is None:
        kind = ('scholarship' if work in MAINKEYS else kind_of(r))
        if work in MAINKEYS:
            kind = re.search(r'@\w+\{%s,(?:.|\n)*?kind\s*=\s*\{([^}]*)\}' % re.escape(work), open(OUT + '14-works.bib').read()).group(1)
    # host problem
    if not h: hp = ''
    elif hc == 'ai': hp = 'ai-generated'
    elif hc == 'pirate': hp = 'unauthorised-copy'
    elif hc == 'encmirror':
        hp = 'encyclopedia-mirror'
        if kind not in ('reference work',) and work in MAINKEYS: hp = 'unauthorised-copy'
    else: hp = ''
    # per-row judgements for hosts that are fine in general but not for this item
    if sid in ('martens-dekulakization',): hp = 'unauthorised-copy'
    if sid in ('reference-com-ww2-end',): hp = ''
    if work not in MAINKEYS and work not in other_works:
        yr = (re.match(r'\d{4}', r['date']) or [''])[0] if r['date'] else ''
        auth = clean(r['author'])
        if re.search(r'^(Wikipedia contributors|.*\bblog\b.*|.*\.(ru|com|org|net|info)\b.*)$', auth, re.I) and kind != 'press': auth_field = ''
        else: auth_field = auth
        title = clean(r['title'])
        if re.match(r'^\[?Online book', r['title']) or title in ('', '[copy host]'):
            title = 'Unidentified book (title and author not shown on the page read)'
        other_works[work] = dict(type='misc', title=title, author=auth_field, year=yr, howpublished=clean(r['genre']),
            publisher=clean(r['publisher']), kind=kind, url=(r['url'] if hp == '' and h else ''),
            note=('Only an unauthorised copy was read; no legitimate link known.' if hp == 'unauthorised-copy' else
                  'Only a mirror/copy was read; cite the canonical article.' if hp == 'encyclopedia-mirror' else
                  'Machine-generated text; not a citable source.' if hp == 'ai-generated' else ''))
    mapping.append(dict(source_id=sid, work_key=work, locator=loc or '', kind=kind, host_problem=hp, _host=h, _hc=hc))

# ------------------------------------------------------------------ write outputs
def bibesc(s):
    return s.replace('&', r'\&').replace('%', r'\%').replace('#', r'\#').replace('_', r'\_') if s else s
with open(OUT + '14-works-other.bib', 'w', encoding='utf-8') as f:
    f.write('% Issue 14 -- works other than the standard scholarship of 14-works.bib: canonical encyclopedia\n'
            '% articles, press items, web pages, primary texts on the web, and books the project could not identify.\n'
            '% Generated by tools/build14.py from data/sources.csv. Fields are as recorded there (not re-verified),\n'
            '% stripped of every mention of copy/mirror hosts. url only where the stored address is the work\'s own\n'
            '% legitimate host, or (Wikipedia) the canonical address built from the title.\n\n')
    for k, w in other_works.items():
        f.write('@misc{%s,\n' % k)
        for fld in ('author', 'title', 'howpublished', 'publisher', 'year', 'url', 'kind', 'note'):
            v = w.get(fld)
            if not v: continue
            if fld == 'url': f.write('  url = {%s},\n' % unquote(v).replace('%', '\\%').replace(' ', '%20')); continue
            if fld == 'author' and v.startswith('{'): f.write('  author = {%s},\n' % v); continue
            if fld == 'author': f.write('  author = {{%s}},\n' % bibesc(v).replace(';', ' and ')); continue
            f.write('  %s = {%s},\n' % (fld, bibesc(v)))
        f.write('}\n\n')
with open(OUT + '14-source-map.csv', 'w', newline='', encoding='utf-8') as f:
    wr = csv.DictWriter(f, fieldnames=['source_id', 'work_key', 'locator', 'kind', 'host_problem'])
    wr.writeheader()
    for x in mapping: wr.writerow({k: x[k] for k in wr.fieldnames})
hosts = collections.Counter((x['_host'], x['_hc']) for x in mapping if x['_host'])
with open(OUT + '14-host-classes.csv', 'w', newline='', encoding='utf-8') as f:
    wr = csv.writer(f); wr.writerow(['host', 'class', 'rows'])
    for (h, c), n in sorted(hosts.items(), key=lambda t: (t[0][1], -t[1])): wr.writerow([h, c, n])
json.dump({'main': sorted(MAINKEYS), 'other': len(other_works)}, open('/tmp/b14.json', 'w'))
print('rows', len(mapping), 'other works', len(other_works), 'main', len(MAINKEYS))
print(collections.Counter(x['host_problem'] for x in mapping))
print(collections.Counter(x['kind'] for x in mapping))
missing = [x['work_key'] for x in mapping if x['work_key'] not in MAINKEYS and x['work_key'] not in other_works]
print('unmapped/undefined keys', missing)
