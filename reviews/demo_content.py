"""Demo content loaded by `manage.py load_demo`: real films with their public credits, and reviews written for this project."""

AUTHORS = [
    # critics who write the reviews; fictional people. username, first_name, last_name
    {"username": "jkessler", "first_name": "Johanna", "last_name": "Keßler"},
    {"username": "tweidner", "first_name": "Tobias", "last_name": "Weidner"},
    {"username": "nohalloran", "first_name": "Niamh", "last_name": "O'Halloran"},
]

TAGS = [
    # name, featured (bool, exactly one True: "Berlinale 2019"), description (German, one sentence)
    {
        "name": "Berlinale 2019",
        "featured": True,
        "description": "Filme und Kritiken von den 69. Internationalen Filmfestspielen Berlin, die vom 7. bis 17. Februar 2019 stattfanden.",
    },
    {
        "name": "Eröffnungsfilm",
        "featured": False,
        "description": "Filme, mit denen ein Festival seinen ersten Abend bestritten hat.",
    },
    {
        "name": "Berlinale 2018",
        "featured": False,
        "description": "Filme aus dem Programm der 68. Internationalen Filmfestspiele Berlin.",
    },
    {
        "name": "Berlinale 2020",
        "featured": False,
        "description": "Filme aus dem Programm der 70. Internationalen Filmfestspiele Berlin, der letzten Berlinale vor der Pandemie.",
    },
    {
        "name": "Berlinale 2023",
        "featured": False,
        "description": "Filme aus dem Programm der 73. Internationalen Filmfestspiele Berlin.",
    },
    {
        "name": "Cannes 2009",
        "featured": False,
        "description": "Filme aus dem Wettbewerb der 62. Filmfestspiele von Cannes.",
    },
    {
        "name": "Cannes 2016",
        "featured": False,
        "description": "Filme aus dem Wettbewerb der 69. Filmfestspiele von Cannes.",
    },
    {
        "name": "Silberner Bär",
        "featured": False,
        "description": "Filme, die im Wettbewerb der Berlinale mit einem Silbernen Bären ausgezeichnet wurden.",
    },
    {
        "name": "Drama",
        "featured": False,
        "description": "Filme, die ihre Figuren ernst nehmen und in Konflikte schicken, aus denen sie nicht unverändert herauskommen.",
    },
    {
        "name": "Komödie",
        "featured": False,
        "description": "Filme, bei denen gelacht werden darf, auch wenn es manchmal wehtut.",
    },
    {
        "name": "Literaturverfilmung",
        "featured": False,
        "description": "Filme nach Romanen, Memoiren und anderen literarischen Vorlagen.",
    },
]

PEOPLE = {
    # optional extra facts per person name (only facts we are certain of)
    "Lone Scherfig": {
        "wikipedia_url": "https://en.wikipedia.org/wiki/Lone_Scherfig",
        "birth_date": "1959-05-02",
        "bio": "Dänische Regisseurin und Drehbuchautorin; ihr Dogma-Film „Italienisch für Anfänger“ wurde 2001 auf der Berlinale mit einem Silbernen Bären ausgezeichnet.",
    },
    "Christian Petzold": {
        "birth_date": "1960-09-14",
        "bio": "Deutscher Regisseur und Drehbuchautor aus Hilden, prägende Figur der „Berliner Schule“; für „Barbara“ erhielt er 2012 den Silbernen Bären für die beste Regie.",
    },
    "Paula Beer": {
        "birth_date": "1995-02-01",
        "bio": "Deutsche Schauspielerin aus Mainz, die mit 14 Jahren in Chris Kraus’ „Poll“ debütierte; für „Undine“ erhielt sie 2020 den Silbernen Bären als beste Darstellerin.",
    },
    "Franz Rogowski": {
        "birth_date": "1986-02-02",
        "bio": "Deutscher Schauspieler und Tänzer aus Freiburg im Breisgau; 2018 war er mit „Transit“ und „In den Gängen“ gleich zweimal im Wettbewerb der Berlinale zu sehen.",
    },
    "Tahar Rahim": {
        "wikipedia_url": "https://en.wikipedia.org/wiki/Tahar_Rahim",
        "birth_date": "1981-07-04",
        "bio": "Französischer Schauspieler aus Belfort; für „Ein Prophet“ gewann er 2010 den César als bester Hauptdarsteller und als bester Nachwuchsdarsteller.",
    },
    "Zoe Kazan": {
        "wikipedia_url": "https://en.wikipedia.org/wiki/Zoe_Kazan",
        "birth_date": "1983-09-09",
        "bio": "US-amerikanische Schauspielerin und Drehbuchautorin aus Los Angeles, Enkelin des Regisseurs Elia Kazan.",
    },
    "Bill Nighy": {
        "wikipedia_url": "https://en.wikipedia.org/wiki/Bill_Nighy",
        "birth_date": "1949-12-12",
        "bio": "Britischer Schauspieler aus Caterham in Surrey, auf der Bühne wie im Kino ein Meister der trockenen Pointe.",
    },
    "Maren Ade": {
        "birth_date": "1976-12-12",
        "bio": "Deutsche Regisseurin, Drehbuchautorin und Produzentin aus Karlsruhe, Mitgründerin der Produktionsfirma Komplizen Film.",
    },
    "Sandra Hüller": {
        "birth_date": "1978-04-30",
        "bio": "Deutsche Schauspielerin aus Suhl in Thüringen, gleichermaßen im Theater und im Kino zu Hause.",
    },
    "Peter Simonischek": {
        "birth_date": "1946-08-06",
        "bio": "Österreichischer Schauspieler aus Graz (1946–2023), über Jahrzehnte Ensemblemitglied des Wiener Burgtheaters.",
    },
    "Nora Fingscheidt": {
        "bio": "Deutsche Regisseurin und Drehbuchautorin, 1983 in Braunschweig geboren; „Systemsprenger“ war ihr erster Spielfilm.",
    },
    "Helena Zengel": {
        "birth_date": "2008-06-10",
        "bio": "Deutsche Schauspielerin aus Berlin; für „Systemsprenger“ erhielt sie 2020 den Deutschen Filmpreis als beste Hauptdarstellerin.",
    },
    "Jacques Audiard": {
        "birth_date": "1952-04-30",
        "bio": "Französischer Regisseur und Drehbuchautor aus Paris, Sohn des Drehbuchautors und Regisseurs Michel Audiard.",
    },
    "Maryam Zaree": {
        "birth_date": "1983-07-22",
        "bio": "Schauspielerin, Regisseurin und Autorin, geboren in Teheran und aufgewachsen in Frankfurt am Main.",
    },
}

FILMS = [
    {
        "title": "The Kindness of Strangers",
        "slug": "the-kindness-of-strangers-2019",
        "wikipedia_url": "https://en.wikipedia.org/wiki/The_Kindness_of_Strangers_(film)",
        "year": 2019,
        "runtime": 112,
        "countries": ["DK", "CA", "SE", "DE", "FR"],
        "original_language": "en",
        "synopsis": (
            "Clara flieht mit ihren beiden Söhnen vor ihrem gewalttätigen Ehemann nach Manhattan, "
            "ohne Geld und ohne Plan, mitten in den Winter hinein. In einem alten russischen Restaurant "
            "kreuzen sich ihre Wege mit denen einer erschöpften Krankenschwester, eines ehemaligen "
            "Häftlings und weiterer Menschen, die selbst kaum Halt haben und einander trotzdem auffangen."
        ),
        "local_titles": [
            {
                "language": "de",
                "title": "The Kindness of Strangers – Kleine Wunder unter Fremden",
                "release_date": "2019-12-12",
            },
        ],
        "tags": ["Berlinale 2019", "Eröffnungsfilm"],
        "credits": [
            ("director", "Lone Scherfig", ""),
            ("screenplay", "Lone Scherfig", ""),
            ("actor", "Zoe Kazan", "Clara"),
            ("actor", "Andrea Riseborough", "Alice"),
            ("actor", "Tahar Rahim", "Marc"),
            ("actor", "Bill Nighy", "Timofey"),
            ("actor", "Caleb Landry Jones", "Jeff"),
            ("actor", "Jay Baruchel", "John Peter"),
            ("actor", "Esben Smed", "Richard"),
            ("actor", "Jack Fulton", "Anthony"),
            ("actor", "Finlay Wojtak-Hissong", "Jude"),
            ("camera", "Sebastian Blenkov", ""),
            ("editing", "Cam McLauchlin", ""),
            ("music", "Andrew Lockington", ""),
        ],
    },
    {
        "title": "An Education",
        "slug": "an-education-2009",
        "wikipedia_url": "https://en.wikipedia.org/wiki/An_Education",
        "year": 2009,
        "runtime": None,
        "countries": ["GB", "US"],
        "original_language": "en",
        "synopsis": (
            "Twickenham, 1961: Die 16-jährige Jenny lernt für Oxford, bis ein charmanter, deutlich älterer "
            "Mann ihr Konzerte, Jazzclubs und Paris zeigt. Je mehr sie von seiner Welt kostet, desto "
            "fragwürdiger erscheint ihr die Schule – und desto weniger fragt sie, woher sein Geld kommt."
        ),
        "local_titles": [],
        "tags": ["Drama", "Literaturverfilmung"],
        "credits": [
            ("director", "Lone Scherfig", ""),
            ("screenplay", "Nick Hornby", ""),
            ("actor", "Carey Mulligan", "Jenny Mellor"),
            ("actor", "Peter Sarsgaard", "David Goldman"),
            ("actor", "Alfred Molina", "Jack Mellor"),
            ("actor", "Rosamund Pike", "Helen"),
            ("actor", "Dominic Cooper", "Danny"),
            ("actor", "Olivia Williams", "Miss Stubbs"),
            ("actor", "Emma Thompson", "Headmistress"),
            ("camera", "John de Borman", ""),
            ("editing", "Barney Pilling", ""),
            ("music", "Paul Englishby", ""),
            ("producer", "Finola Dwyer", ""),
            ("producer", "Amanda Posey", ""),
        ],
    },
    {
        "title": "Their Finest",
        "slug": "their-finest-2016",
        "year": 2016,
        "runtime": 117,
        "countries": ["GB"],
        "original_language": "en",
        "synopsis": (
            "London 1940: Catrin Cole wird vom Informationsministerium angeheuert, um den Propagandafilmen "
            "des Landes glaubwürdige Frauendialoge zu schreiben. Bald arbeitet sie an einem Spielfilm über "
            "Dünkirchen mit – gegen Bombennächte, Budgetvorgaben und die Eitelkeit eines alternden Filmstars."
        ),
        "local_titles": [
            {"language": "de", "title": "Their Finest – Ihre beste Stunde", "release_date": None},
        ],
        "tags": ["Komödie", "Drama", "Literaturverfilmung"],
        "credits": [
            ("director", "Lone Scherfig", ""),
            ("screenplay", "Gaby Chiappe", ""),
            ("actor", "Gemma Arterton", "Catrin Cole"),
            ("actor", "Sam Claflin", "Tom Buckley"),
            ("actor", "Bill Nighy", "Ambrose Hilliard"),
            ("actor", "Jack Huston", "Ellis Cole"),
            ("actor", "Jake Lacy", "Carl Lundbeck"),
            ("actor", "Helen McCrory", "Sophie Smith"),
            ("camera", "Sebastian Blenkov", ""),
            ("editing", "Lucia Zucchetti", ""),
            ("music", "Rachel Portman", ""),
            ("producer", "Stephen Woolley", ""),
            ("producer", "Amanda Posey", ""),
            ("producer", "Elizabeth Karlsen", ""),
        ],
    },
    {
        "title": "Un prophète",
        "slug": "un-prophete-2009",
        "wikipedia_url": "https://en.wikipedia.org/wiki/A_Prophet",
        "year": 2009,
        "runtime": 155,
        "countries": ["FR", "IT"],
        "original_language": "fr",
        "synopsis": (
            "Der 19-jährige Malik kommt für sechs Jahre ins Gefängnis, kann weder lesen noch schreiben und "
            "hat niemanden. Der korsische Pate César Luciani zwingt ihn zu einem Mord und nimmt ihn unter "
            "seinen Schutz – und Malik beginnt, hinter den Mauern sein eigenes Netz zu knüpfen."
        ),
        "local_titles": [
            {"language": "de", "title": "Ein Prophet", "release_date": "2010-03-11"},
            {"language": "en", "title": "A Prophet", "release_date": None},
        ],
        "tags": ["Cannes 2009", "Drama"],
        "credits": [
            ("director", "Jacques Audiard", ""),
            ("screenplay", "Thomas Bidegain", ""),
            ("screenplay", "Jacques Audiard", ""),
            ("screenplay", "Abdel Raouf Dafri", ""),
            ("screenplay", "Nicolas Peufaillit", ""),
            ("actor", "Tahar Rahim", "Malik El Djebena"),
            ("actor", "Niels Arestrup", "César Luciani"),
            ("actor", "Adel Bencherif", "Ryad"),
            ("actor", "Reda Kateb", "Jordi"),
            ("actor", "Hichem Yacoubi", "Reyeb"),
            ("actor", "Leïla Bekhti", "Djamila"),
            ("camera", "Stéphane Fontaine", ""),
            ("editing", "Juliette Welfling", ""),
            ("music", "Alexandre Desplat", ""),
        ],
    },
    {
        "title": "The Mauritanian",
        "slug": "the-mauritanian-2021",
        "wikipedia_url": "https://en.wikipedia.org/wiki/The_Mauritanian",
        "year": 2021,
        "runtime": 129,
        "countries": ["GB", "US"],
        "original_language": "en",
        "synopsis": (
            "Mohamedou Ould Slahi wird nach den Anschlägen vom 11. September in Mauretanien festgenommen "
            "und verschwindet im Lager von Guantánamo, wo er jahrelang ohne Anklage festgehalten wird. Die "
            "Anwältin Nancy Hollander übernimmt seinen Fall, während ein Militärankläger auf Beweise stößt, "
            "die ihn an seiner eigenen Aufgabe zweifeln lassen."
        ),
        "local_titles": [
            {"language": "de", "title": "Der Mauretanier", "release_date": "2021-06-10"},
        ],
        "tags": ["Drama", "Literaturverfilmung"],
        "credits": [
            ("director", "Kevin Macdonald", ""),
            ("screenplay", "M. B. Traven", ""),
            ("screenplay", "Rory Haines", ""),
            ("screenplay", "Sohrab Noshirvani", ""),
            ("actor", "Tahar Rahim", "Mohamedou Ould Slahi"),
            ("actor", "Jodie Foster", "Nancy Hollander"),
            ("actor", "Shailene Woodley", "Teri Duncan"),
            ("actor", "Benedict Cumberbatch", "Stuart Couch"),
            ("actor", "Zachary Levi", "Neil Buckland"),
            ("camera", "Alwin H. Küchler", ""),
            ("editing", "Justine Wright", ""),
            ("music", "Tom Hodge", ""),
        ],
    },
    {
        "title": "The Big Sick",
        "slug": "the-big-sick-2017",
        "wikipedia_url": "https://en.wikipedia.org/wiki/The_Big_Sick",
        "year": 2017,
        "runtime": 120,
        "countries": ["US"],
        "original_language": "en",
        "synopsis": (
            "Der pakistanischstämmige Stand-up-Comedian Kumail verliebt sich in Chicago in die Studentin "
            "Emily und verschweigt ihr, dass seine Eltern längst eine Ehefrau für ihn aussuchen. Nach der "
            "Trennung erkrankt Emily schwer – und Kumail sitzt plötzlich mit ihren Eltern im Wartezimmer."
        ),
        "local_titles": [],
        "tags": ["Komödie"],
        "credits": [
            ("director", "Michael Showalter", ""),
            ("screenplay", "Emily V. Gordon", ""),
            ("screenplay", "Kumail Nanjiani", ""),
            ("actor", "Kumail Nanjiani", "Kumail"),
            ("actor", "Zoe Kazan", "Emily Gardner"),
            ("actor", "Holly Hunter", "Beth Gardner"),
            ("actor", "Ray Romano", "Terry Gardner"),
            ("actor", "Anupam Kher", "Azmat"),
            ("actor", "Zenobia Shroff", "Sharmeen"),
            ("camera", "Brian Burgoyne", ""),
            ("editing", "Robert Nassau", ""),
            ("music", "Michael Andrews", ""),
            ("producer", "Judd Apatow", ""),
            ("producer", "Barry Mendel", ""),
        ],
    },
    {
        "title": "Transit",
        "slug": "transit-2018",
        "year": 2018,
        "runtime": 101,
        "countries": ["DE", "FR"],
        "original_language": "de",
        "synopsis": (
            "Georg entkommt aus Paris nach Marseille, im Gepäck die Papiere eines toten Schriftstellers, "
            "dessen Identität er annimmt. Zwischen Konsulaten und Hafenbars begegnet er Marie, die verzweifelt "
            "ihren Mann sucht. Christian Petzold versetzt Anna Seghers’ Exilroman in das Marseille von heute."
        ),
        "local_titles": [],
        "tags": ["Berlinale 2018", "Drama", "Literaturverfilmung"],
        "credits": [
            ("director", "Christian Petzold", ""),
            ("screenplay", "Christian Petzold", ""),
            ("actor", "Franz Rogowski", "Georg"),
            ("actor", "Paula Beer", "Marie"),
            ("actor", "Godehard Giese", "Richard"),
            ("actor", "Lilien Batman", "Driss"),
            ("actor", "Maryam Zaree", "Melissa"),
            ("actor", "Matthias Brandt", "Barmann / Erzähler"),
            ("camera", "Hans Fromm", ""),
            ("editing", "Bettina Böhler", ""),
            ("music", "Stefan Will", ""),
            ("producer", "Florian Koerner von Gustorf", ""),
            ("producer", "Michael Weber", ""),
        ],
    },
    {
        "title": "Undine",
        "slug": "undine-2020",
        "year": 2020,
        "runtime": 90,
        "countries": ["DE", "FR"],
        "original_language": "de",
        "synopsis": (
            "Undine erklärt Besuchern als Stadthistorikerin, wie Berlin auf Sumpf gebaut wurde. Als ihr "
            "Freund sie verlässt, verliebt sie sich in den Industrietaucher Christoph – doch der alte Mythos "
            "von der Wasserfrau, die den Treulosen töten muss, lässt sie nicht los."
        ),
        "local_titles": [],
        "tags": ["Berlinale 2020", "Silberner Bär", "Drama"],
        "credits": [
            ("director", "Christian Petzold", ""),
            ("screenplay", "Christian Petzold", ""),
            ("actor", "Paula Beer", "Undine"),
            ("actor", "Franz Rogowski", "Christoph"),
            ("actor", "Maryam Zaree", "Monika"),
            ("actor", "Jacob Matschenz", "Johannes"),
            ("actor", "Anne Ratte-Polle", "Anne"),
            ("camera", "Hans Fromm", ""),
            ("editing", "Bettina Böhler", ""),
            ("producer", "Florian Koerner von Gustorf", ""),
            ("producer", "Michael Weber", ""),
        ],
    },
    {
        "title": "Roter Himmel",
        "slug": "roter-himmel-2023",
        "year": 2023,
        "runtime": 103,
        "countries": ["DE"],
        "original_language": "de",
        "synopsis": (
            "Leon will im Ferienhaus an der Ostsee seinen zweiten Roman beenden, doch das Haus ist schon "
            "belegt: von Nadja, die im Dorf als Saisonkraft arbeitet. Während Leon sich in Arbeit und schlechte "
            "Laune verbarrikadiert, rücken die Waldbrände im Hinterland immer näher."
        ),
        "local_titles": [
            {"language": "en", "title": "Afire", "release_date": None},
        ],
        "tags": ["Berlinale 2023", "Silberner Bär", "Drama"],
        "credits": [
            ("director", "Christian Petzold", ""),
            ("screenplay", "Christian Petzold", ""),
            ("actor", "Thomas Schubert", "Leon"),
            ("actor", "Paula Beer", "Nadja"),
            ("actor", "Langston Uibel", "Felix"),
            ("actor", "Enno Trebs", "Devid"),
            ("actor", "Matthias Brandt", "Helmut"),
            ("camera", "Hans Fromm", ""),
            ("editing", "Bettina Böhler", ""),
            ("producer", "Florian Koerner von Gustorf", ""),
            ("producer", "Michael Weber", ""),
            ("producer", "Anton Kaiser", ""),
        ],
    },
    {
        "title": "Toni Erdmann",
        "slug": "toni-erdmann-2016",
        "wikipedia_url": "https://en.wikipedia.org/wiki/Toni_Erdmann",
        "year": 2016,
        "runtime": 162,
        "countries": ["DE", "AT"],
        "original_language": "de",
        "synopsis": (
            "Der pensionierte Musiklehrer Winfried besucht unangemeldet seine Tochter Ines, die in Bukarest "
            "als Unternehmensberaterin Karriere macht. Als der Besuch im Streit endet, kehrt er verkleidet "
            "zurück: mit Perücke, schiefem Gebiss und einem neuen Namen – Toni Erdmann."
        ),
        "local_titles": [],
        "tags": ["Cannes 2016", "Komödie", "Drama"],
        "credits": [
            ("director", "Maren Ade", ""),
            ("screenplay", "Maren Ade", ""),
            ("actor", "Peter Simonischek", "Winfried Conradi / Toni Erdmann"),
            ("actor", "Sandra Hüller", "Ines Conradi"),
            ("actor", "Michael Wittenborn", "Henneberg"),
            ("actor", "Thomas Loibl", "Gerald"),
            ("actor", "Trystan Pütter", "Tim"),
            ("actor", "Ingrid Bisu", "Anca"),
            ("camera", "Patrick Orth", ""),
            ("editing", "Heike Parplies", ""),
            ("producer", "Janine Jackowski", ""),
            ("producer", "Jonas Dornbach", ""),
            ("producer", "Maren Ade", ""),
            ("producer", "Michel Merkt", ""),
        ],
    },
    {
        "title": "Systemsprenger",
        "slug": "systemsprenger-2019",
        "year": 2019,
        "runtime": 118,
        "countries": ["DE"],
        "original_language": "de",
        "synopsis": (
            "Die neunjährige Benni fliegt aus jeder Pflegefamilie, jeder Wohngruppe und jeder Schule, und "
            "sie will nur eines: zurück zu ihrer Mutter. Als niemand sie mehr aufnehmen will, versucht der "
            "Anti-Gewalt-Trainer Micha, zu ihr durchzudringen."
        ),
        "local_titles": [
            {"language": "en", "title": "System Crasher", "release_date": None},
        ],
        "tags": ["Berlinale 2019", "Silberner Bär", "Drama"],
        "credits": [
            ("director", "Nora Fingscheidt", ""),
            ("screenplay", "Nora Fingscheidt", ""),
            ("actor", "Helena Zengel", "Benni"),
            ("actor", "Albrecht Schuch", "Michael Heller"),
            ("actor", "Gabriela Maria Schmeide", "Frau Bafané"),
            ("actor", "Lisa Hagmeister", "Bianca Klaaß"),
            ("actor", "Melanie Straub", "Dr. Schönemann"),
            ("actor", "Maryam Zaree", "Elli Heller"),
            ("camera", "Yunus Roy Imer", ""),
            ("editing", "Stephan Bechinger", ""),
            ("editing", "Julia Kovalenko", ""),
            ("music", "John Gürtler", ""),
            ("producer", "Peter Hartwig", ""),
            ("producer", "Jonas Weydemann", ""),
            ("producer", "Jakob D. Weydemann", ""),
        ],
    },
]

REVIEWS = [
    {
        "film": "the-kindness-of-strangers-2019",
        "slug": "kindness-of-strangers-berlinale-eroeffnung",
        "headline": "Kleine Wunder, großer Frost: Lone Scherfig eröffnet die Berlinale",
        "teaser": (
            "Mit „The Kindness of Strangers“ beginnt die 69. Berlinale im winterlichen Manhattan, bei "
            "Menschen, die einander auffangen. Das ist warmherzig gemeint und schön gespielt, traut der "
            "eigenen Härte aber zu selten."
        ),
        "body": """Eröffnungsfilme haben es schwer. Sie sollen den roten Teppich füllen, das Publikum in Festivalstimmung bringen und zugleich einen Wettbewerb eröffnen, in dem sie sich mit den strengsten Arbeiten des Jahrgangs messen lassen müssen. Für seine letzte Berlinale als Festivaldirektor hat Dieter Kosslick einen Film gewählt, der seine Haltung schon im Titel trägt: *The Kindness of Strangers*, die Freundlichkeit von Fremden. Regisseurin Lone Scherfig, die 2001 mit „Italienisch für Anfänger“ einen Silbernen Bären gewann, kehrt damit in den Wettbewerb zurück – und erzählt von Menschen, die durch die Maschen einer der reichsten Städte der Welt fallen.

Im Zentrum steht Clara (Zoe Kazan), eine Mutter, die mit ihren beiden Söhnen Anthony (Jack Fulton) und Jude (Finlay Wojtak-Hissong) vor ihrem gewalttätigen Mann Richard (Esben Smed) nach Manhattan flieht. Sie hat ein Auto, ein paar Taschen und eine Geschichte, die sie den Jungen als Abenteuer verkauft. In Wahrheit schleicht sie sich auf Empfänge, um an ein Buffet zu kommen, nimmt in Geschäften mit, was sie nicht bezahlen kann, und sucht nachts einen Ort, an dem es warm genug zum Schlafen ist. Zoe Kazan spielt diese Frau ohne jede Pose: Clara schämt sich, aber sie hat keine Zeit für Scham, und genau dieses Nebeneinander aus Verlegenheit und Trotz ist das Beste, was der Film hat.

Um sie herum baut Scherfig, die auch das Drehbuch geschrieben hat, ein Ensemble aus Gestrandeten. Marc (Tahar Rahim) hat nach Jahren im Gefängnis eine zweite Chance im russischen Restaurant *Winter Palace* bekommen, einem plüschigen Relikt, dessen Besitzer Timofey (Bill Nighy) mit großer Geste über leere Tische herrscht. Alice (Andrea Riseborough) ist Krankenschwester und verbringt auch ihre freien Stunden damit, anderen zu helfen, ohne Fragen zu stellen; dass sie selbst kaum noch schläft, sieht man ihr an, bevor der Film es ausspricht. Dazu kommen Jeff (Caleb Landry Jones), ein linkischer junger Mann, der jeden Job verliert, den man ihm gibt, und der Anwalt John Peter (Jay Baruchel). Rahim ist dabei eine stille Entdeckung: Sein Marc bewegt sich durch das Lokal, als müsse er sich jeden Quadratmeter erst verdienen.

Das Manhattan dieses Films ist kein Postkartenmotiv. Kameramann Sebastian Blenkov fotografiert die Stadt in kaltem Blau und schmutzigem Weiß, mit Schneematsch an den Bordsteinen und Atemwolken vor den Gesichtern, und setzt dagegen das rote, goldene Innenleben des *Winter Palace*, in dem die Figuren sich aufwärmen dürfen. Diese Gegenüberstellung funktioniert, gerade weil sie so einfach ist: Draußen regiert die Gleichgültigkeit, drinnen ein Rest von Gastfreundschaft, der sich betriebswirtschaftlich längst nicht mehr rechnet. Die Musik von Andrew Lockington allerdings weiß das alles schon vorher und legt über fast jede Szene einen sanften Teppich, wo Stille mehr erzählen würde.

Das eigentliche Problem liegt im Drehbuch. Scherfig verknüpft ihre Figuren mit einer Geduld, die irgendwann in Bequemlichkeit umschlägt: Zufälle häufen sich, Wege kreuzen sich im genau richtigen Moment, und die Gewalt, vor der Clara flieht, bleibt seltsam abstrakt. Richard, ein Polizist, der weiß, wie man Menschen findet, wird als Bedrohung behauptet, aber kaum als Mensch gezeigt. Die Armut, die der Film beschreibt, hat keine Gerüche und kaum Behörden; Notunterkünfte, Formulare und Wartezimmer, all das, was Obdachlosigkeit in einer amerikanischen Großstadt zermürbend macht, verschwindet hinter der Frage, wer als Nächstes wem eine Tür aufhält. Manche Nebenfigur, allen voran Jeff, wirkt wie für einen anderen, heitereren Film geschrieben.

Und doch wäre es zu billig, „The Kindness of Strangers“ als Kitsch abzutun. Der Film glaubt an etwas, das im Kino gerade aus der Mode ist: dass Anstand ansteckend sein kann und dass Fremde einander nichts schulden und trotzdem etwas geben. Als Auftakt eines Festivals, das sich gern politisch nennt, ist das eine sympathische, wenn auch sehr leise Setzung. Ein Bärenfavorit ist dieser Film nicht, dafür ist er zu glatt und zu höflich. Aber wer an einem eisigen Februarabend am Potsdamer Platz aus dem Kino tritt, hat schlechtere Gedanken im Kopf als den, dass man öfter fragen sollte, ob jemand Hilfe braucht.""",
        "rating": "3.0",
        "language": "de",
        "author": "jkessler",
        "status": "published",
        "published_at": "2019-02-07T22:30:00+01:00",
        "tags": ["Berlinale 2019", "Eröffnungsfilm"],
    },
    {
        "film": "systemsprenger-2019",
        "slug": "systemsprenger-kritik",
        "headline": "Ein Kind wie ein offener Stromkreis",
        "teaser": (
            "Nora Fingscheidts Debüt „Systemsprenger“ folgt einer Neunjährigen durch die Einrichtungen der "
            "Jugendhilfe – und lässt sein Publikum so wenig in Ruhe wie seine Heldin die Erwachsenen um sie herum."
        ),
        "body": """Es gibt einen Moment, früh in „Systemsprenger“, in dem Benni (Helena Zengel) in ihrer rosa Jacke auf einem Flur steht und für ein paar Sekunden aussieht wie jedes andere Kind, das auf etwas wartet. Dann berührt sie jemand im Gesicht, und sie explodiert. „Systemsprenger“ nennt die Jugendhilfe Kinder wie sie: Kinder, die durch alle Raster fallen, weil kein Raster für sie gebaut wurde. Benni ist neun, sie war in Pflegefamilien, Wohngruppen und Förderschulen, und überall ist sie nach kurzer Zeit wieder rausgeflogen. Sie will nur eines: zurück zu ihrer Mutter.

Nora Fingscheidt, die Buch und Regie verantwortet, erzählt das nicht als Fallstudie, sondern aus der Nähe. Die Kamera von Yunus Roy Imer klebt an Benni, der Schnitt von Stephan Bechinger und Julia Kovalenko reißt in ihren Ausbrüchen Bilder auseinander, John Gürtlers Musik dröhnt, flackert und bricht ab. Man erlebt die Wutanfälle nicht als Zuschauer, der sie bewertet, sondern als jemand, der mit im Raum steht und nicht weiß, wohin mit sich. Helena Zengel spielt das mit einer Wucht, die einem den Atem nimmt – und mit einer Verletzlichkeit, die noch mehr schmerzt, etwa wenn Benni ihrer Mutter am Telefon ein Lied vorsingt.

Die Erwachsenen sind keine Schurken, und das ist die größte Leistung des Drehbuchs. Frau Bafané (Gabriela Maria Schmeide) vom Jugendamt telefoniert sich die Finger wund, um noch irgendwo einen Platz zu finden. Bianca (Lisa Hagmeister), die Mutter, liebt ihre Tochter und hat Angst vor ihr, beides zugleich. Und Micha (Albrecht Schuch), ein Anti-Gewalt-Trainer, der Benni zur Schule begleiten soll, nimmt sie schließlich mit in eine abgelegene Hütte im Wald, weit weg von allem, was sie triggern könnte. Schuch spielt diesen Mann als jemanden, der die professionelle Distanz kennt und sie trotzdem verliert, weil er ein Mensch ist – und der Film lässt offen, ob das eine Stärke ist oder ein Fehler.

Dass „Systemsprenger“ auf der Berlinale mit dem Alfred-Bauer-Preis ausgezeichnet wurde, einem Silbernen Bären für Filme, die neue Perspektiven eröffnen, ist folgerichtig. Ganz ohne Einwand kommt man trotzdem nicht heraus: Die Wiederholungsstruktur aus Eskalation, Hoffnung und Rückschlag ist gewollt, doch in der zweiten Stunde spürt man sie auch als Erschöpfung, und das Ende setzt auf ein Bild, das mehr befreit als die Geschichte es eigentlich zulässt. Aber vielleicht braucht man nach knapp zwei Stunden an Bennis Seite genau diesen Moment, in dem ein Kind einfach nur rennt.""",
        "rating": "4.5",
        "language": "de",
        "author": "tweidner",
        "status": "published",
        "published_at": "2019-09-18T18:00:00+02:00",
        "tags": ["Berlinale 2019", "Silberner Bär"],
    },
    {
        "film": "transit-2018",
        "slug": "transit-petzold-kritik",
        "headline": "Warten in Marseille",
        "teaser": (
            "Christian Petzold verlegt Anna Seghers’ Exilroman in das Marseille von heute, ohne die Geschichte "
            "anzupassen. Das klingt nach Versuchsanordnung – und ist einer seiner bewegendsten Filme."
        ),
        "body": """Anna Seghers hat „Transit“ im Exil geschrieben, über Menschen, die 1940 in Marseille auf ein Schiff warten, auf ein Visum, auf einen Stempel, auf irgendein Papier, das ihnen erlaubt, Europa zu verlassen. Christian Petzold hat die Geschichte verfilmt, ohne sie in die Vergangenheit zurückzuholen: Die Polizeiwagen sind modern, die Hafenbars haben Neonlicht, niemand trägt Kostüm. Und doch sprechen alle von Deutschen, die vor Paris stehen, von Lagern, von Transitvisa nach Mexiko. Zwei Zeiten liegen übereinander wie zwei Dias, und durch beide hindurch sieht man das Heute, in dem wieder Menschen in Hafenstädten festsitzen.

Georg (Franz Rogowski) entkommt aus Paris mit den Papieren des Schriftstellers Weidel, der sich das Leben genommen hat. In Marseille wird er für Weidel gehalten, und er widerspricht nicht. Dann begegnet er Marie (Paula Beer), die durch die Stadt irrt und ihren Mann sucht, jenen Mann, dessen Namen Georg nun trägt. Marie hat eine Affäre mit dem Arzt Richard (Godehard Giese), hofft aber weiter auf Weidel; Georg verliebt sich in sie und kann ihr die Wahrheit nicht sagen. Daneben gibt es Driss (Lilien Batman), den Sohn eines Genossen, der auf der Flucht gestorben ist, und dessen gehörlose Mutter Melissa (Maryam Zaree) – die schönsten, wärmsten Szenen des Films, weil Georg hier einmal nicht lügen muss.

Rogowski ist ein Ereignis. Er spielt Georg mit einer merkwürdig schwebenden Körperlichkeit, als sei er selbst nur auf der Durchreise durch seine eigene Haut. Paula Beer gibt Marie etwas Gespenstisches, ohne sie zur Projektionsfläche zu machen. Und über allem liegt die Stimme eines Erzählers, gesprochen von Matthias Brandt, der als Barmann Georgs Geschichte aus zweiter Hand weitererzählt – ein Kunstgriff, der den Film auf Distanz hält und gerade dadurch rührt. Hans Fromms Kamera findet in der Sommerhelle Marseilles eine Kälte, die man sonst nur aus Wintern kennt, und Bettina Böhlers Schnitt lässt die Szenen enden, bevor man sich in ihnen einrichten kann.

Nicht alles geht auf. Manchmal spürt man die These hinter dem Konzept, und wer historische Genauigkeit erwartet, wird sich an der Gleichzeitigkeit reiben. Aber Petzold will nicht erklären, wie Flucht damals war oder heute ist. Er zeigt, wie sie sich anfühlt: als unendliches Warten in Räumen, die niemandem gehören. Wenn am Ende „Road to Nowhere“ von den Talking Heads läuft, ist das kein Witz, sondern eine Diagnose.""",
        "rating": "4.0",
        "language": "de",
        "author": "jkessler",
        "status": "published",
        "published_at": "2018-04-04T20:00:00+02:00",
        "tags": ["Berlinale 2018", "Literaturverfilmung"],
    },
    {
        "film": "undine-2020",
        "slug": "undine-petzold-kritik",
        "headline": "Die Stadt auf dem Sumpf",
        "teaser": (
            "In „Undine“ holt Christian Petzold den Mythos von der Wasserfrau ins heutige Berlin. Paula Beer "
            "und Franz Rogowski tragen das mühelos, die Mythologie knirscht dagegen hörbar."
        ),
        "body": """Der Film beginnt mit einer Trennung in einem Café. Johannes (Jacob Matschenz) will gehen, und Undine (Paula Beer) sagt ihm ruhig, fast sachlich, was dann passieren muss: Wer sie verlässt, muss sterben. Es ist ein Satz aus dem Märchen, ausgesprochen im Hof eines Berliner Museums, und Christian Petzold lässt ihn so stehen, ohne Augenzwinkern. Danach geht Undine zurück an die Arbeit und erklärt einer Besuchergruppe, wie Berlin auf trockengelegtem Sumpf errichtet wurde.

Diese Vorträge sind das heimliche Herz des Films. Undine steht vor Stadtmodellen und spricht über Baugeschichte, über Abriss und Wiederaufbau, über das Schloss, das eine Stadt sich zurückwünscht. Petzold, der gern von Gespenstern erzählt, macht hier Berlin selbst zu einem: eine Stadt, die ihre Vergangenheit zugleich vergessen und nachbauen will. Als Christoph (Franz Rogowski), ein Industrietaucher, einem dieser Vorträge zuhört, zerbirst neben den beiden ein Aquarium, und im Wasser auf dem Boden beginnt eine Liebesgeschichte. Rogowski und Beer, die schon in „Transit“ gemeinsam vor der Kamera standen, spielen diese Verliebtheit mit einer Leichtigkeit, die in Petzolds Werk selten ist – man glaubt ihnen jedes verlegene Lächeln.

Hans Fromms Unterwasserbilder aus dem Stausee, in dem Christoph arbeitet, gehören zum Schönsten, was das deutsche Kino in diesem Jahr zu bieten hat: grünes, trübes Licht, Schwebeteilchen und ein riesiger Wels, der zum heimlichen Star des Films wird. Bettina Böhler montiert mit gewohnter Präzision, und ein Adagio von Bach kehrt so oft wieder, dass es zum Leitmotiv wird. Wenn Undine und Christoph miteinander sprechen, hat der Film eine schwebende, fast heitere Qualität.

Schwieriger wird es, sobald der Mythos Ansprüche stellt. In der zweiten Hälfte muss die Geschichte ihre Regeln erfüllen, und man hört die Mechanik arbeiten; auch Monika (Maryam Zaree), Christophs Kollegin, bleibt eher Funktion als Figur. Dass Paula Beer auf der Berlinale den Silbernen Bären als beste Darstellerin erhielt, ist dennoch hochverdient: Sie spielt eine Frau, die gleichzeitig Historikerin und Märchenwesen ist, und lässt beides nie gegeneinander ausspielen. Ein kleiner, eigensinniger Film – schön, wenn auch nicht ganz so tief, wie er sein möchte.""",
        "rating": "3.5",
        "language": "de",
        "author": "tweidner",
        "status": "published",
        "published_at": "2020-07-01T18:00:00+02:00",
        "tags": ["Berlinale 2020", "Silberner Bär"],
    },
    {
        "film": "roter-himmel-2023",
        "slug": "roter-himmel-kritik",
        "headline": "Der Schriftsteller, der nicht baden geht",
        "teaser": (
            "„Roter Himmel“ ist Christian Petzolds komischster Film – bis er es nicht mehr ist. Eine "
            "Sommergeschichte an der Ostsee, über der die Asche der Waldbrände liegt."
        ),
        "body": """Schon die Anreise misslingt. Das Auto bleibt im Wald liegen, Leon (Thomas Schubert) und sein Freund Felix (Langston Uibel) müssen den Rest zu Fuß gehen, und als sie das Ferienhaus an der Ostsee endlich erreichen, wohnt dort schon jemand: Nadja (Paula Beer), die im Dorf als Saisonkraft arbeitet und nachts mit dem Rettungsschwimmer Devid (Enno Trebs) für Geräusche sorgt, die durch die dünnen Wände dringen. Felix will an seiner Mappe für die Kunsthochschule arbeiten, Leon an seinem zweiten Roman. Felix geht schwimmen. Leon nicht. Die Arbeit, sagt er, lasse es nicht zu.

Dieser Leon ist eine der großartigsten Nervensägen des jüngeren deutschen Kinos. Thomas Schubert spielt ihn mit verschränkten Armen und schlechter Körperhaltung, als jemanden, der sich selbst für sensibel hält und dabei blind ist für alles, was um ihn herum geschieht: für die Freundlichkeit der anderen, für Nadjas Interesse, für die Tatsache, dass sein Manuskript nicht gut ist. Christian Petzold hat noch nie so viel Komik zugelassen, und er inszeniert sie mit großer Genauigkeit – ein verschüttetes Getränk, ein gekränkter Blick, ein Satz zu viel beim Abendessen.

Währenddessen brennt im Hinterland der Wald. Zuerst ist das nur eine Nachricht im Radio, dann Löschflugzeuge am Himmel, dann Asche, die wie Schnee auf den Gartentisch fällt. Hans Fromms Kamera bleibt dabei ruhig, fast beiläufig, und gerade das macht die Bedrohung so unheimlich: Die Katastrophe ist kein Spektakel, sondern ein Hintergrundgeräusch, das niemand ernst genug nimmt. Als Leons Verleger Helmut (Matthias Brandt) anreist, um über das Manuskript zu sprechen, verschiebt sich der Film, zuerst in eine Tragikomödie über Eitelkeit, dann in etwas ganz anderes, das hier nicht verraten werden soll. Musik gibt es kaum, nur immer wieder einen Popsong, „In My Mind“ von der Band Wallners, der sich mit jeder Wiederholung anders anfühlt.

„Roter Himmel“ ist nach „Undine“ der zweite Teil einer geplanten Trilogie, und der Silberne Bär, den der Film auf der Berlinale als Großer Preis der Jury erhielt, ist hochverdient. Paula Beer, in ihrer dritten Arbeit mit Petzold, gibt Nadja eine Klugheit, die Leon erst viel zu spät bemerkt. Ein kleiner Einwand bleibt: Die letzte Viertelstunde erklärt mehr, als sie müsste. Aber wie dieser Film von der Selbstbezogenheit eines jungen Mannes erzählt, der die Welt erst sieht, als sie brennt, ist so komisch wie traurig – und erschreckend zeitgemäß.""",
        "rating": "4.5",
        "language": "de",
        "author": "jkessler",
        "status": "published",
        "published_at": "2023-04-19T20:00:00+02:00",
        "tags": ["Berlinale 2023", "Silberner Bär"],
    },
    {
        "film": "toni-erdmann-2016",
        "slug": "toni-erdmann-kritik",
        "headline": "Das Gebiss der Wahrheit",
        "teaser": (
            "Maren Ades „Toni Erdmann“ ist eine Komödie über einen Vater, eine Tochter und ein Scherzgebiss – "
            "und einer der klügsten Filme über das Arbeitsleben, die das Kino in den letzten Jahren hervorgebracht hat."
        ),
        "body": """Winfried (Peter Simonischek) ist Musiklehrer, lebt mit seinem alten Hund und hat immer ein falsches Gebiss in der Hemdtasche, für alle Fälle. Als der Hund stirbt, fliegt er unangekündigt nach Bukarest, wo seine Tochter Ines (Sandra Hüller) als Unternehmensberaterin an einem Outsourcing-Projekt arbeitet. Sie hat keine Zeit für ihn, nimmt ihn trotzdem mit zu Empfängen, und nach ein paar Tagen voller halb gelungener Witze und stummer Vorwürfe reist er ab. Denkt sie. Dann steht er wieder da, diesmal mit Perücke und Gebiss, und stellt sich ihren Kollegen als Toni Erdmann vor, Coach ihres Chefs.

Was daraus folgt, ist eine Komödie der Peinlichkeit, wie es sie im deutschen Kino kaum je gegeben hat – weil Maren Ade nie auf den schnellen Lacher zielt. Sie lässt die Szenen laufen, bis das Lachen stockt und etwas anderes sichtbar wird: Einsamkeit, Trotz, die Sprachlosigkeit zwischen zwei Menschen, die sich lieben und nichts miteinander anzufangen wissen. Ines’ Welt aus Präsentationen, Hotelbars und Sätzen wie aus dem Managementseminar wird dabei nicht verspottet, sondern genau beobachtet; Gerald (Thomas Loibl), Tim (Trystan Pütter) und der Kunde Henneberg (Michael Wittenborn) sind keine Karikaturen, sondern Männer, die eine Frau in ihrer Mitte dulden, solange sie funktioniert.

Sandra Hüller spielt Ines mit einer Selbstbeherrschung, die in jeder Szene ein paar Millimeter tiefer reißt. Simonischek ist das perfekte Gegenüber: ein Clown, der selbst nicht genau weiß, ob er seine Tochter retten oder nur nicht allein sein will. Die Szene, in der Ines auf einer Familienfeier von Fremden ein Lied von Whitney Houston singt, gehört schon jetzt zu den großen Momenten des Kinojahres; eine Geburtstagsfeier, die völlig anders verläuft als geplant, ebenfalls. Patrick Orths Kamera bleibt dabei unaufdringlich, fast dokumentarisch, und Heike Parplies’ Schnitt gönnt den Momenten ihre Länge.

162 Minuten sind viel für eine Komödie, und man spürt sie an ein oder zwei Stellen. Aber jede Kürzung hätte den Film kleiner gemacht. Dass „Toni Erdmann“ als erster deutscher Beitrag seit acht Jahren im Wettbewerb von Cannes lief und dort gefeiert wurde, ist ein Glücksfall. Dass er einem beim Lachen so zuverlässig das Herz bricht, ist Kunst.""",
        "rating": "5.0",
        "language": "de",
        "author": "tweidner",
        "status": "published",
        "published_at": "2016-07-13T19:00:00+02:00",
        "tags": ["Cannes 2016", "Komödie"],
    },
    {
        "film": "un-prophete-2009",
        "slug": "wiedergesehen-ein-prophet",
        "headline": "Wiedergesehen: Wie Malik lesen lernte",
        "teaser": (
            "Zum Kinostart von „Der Mauretanier“ noch einmal zurück zu dem Film, mit dem Tahar Rahim bekannt "
            "wurde: Jacques Audiards Gefängnisepos „Ein Prophet“ hat in zwölf Jahren nichts von seiner Wucht verloren."
        ),
        "body": """Malik El Djebena (Tahar Rahim) ist neunzehn, als er für sechs Jahre ins Gefängnis kommt. Er kann weder lesen noch schreiben, er hat keine Familie, die ihn besucht, und keine Gruppe, die ihn schützt. Nach wenigen Tagen stellt ihn César Luciani (Niels Arestrup), der korsische Pate, der den Knast samt Wärtern kontrolliert, vor eine Wahl, die keine ist: Malik soll den Mithäftling Reyeb (Hichem Yacoubi) töten, der in einem Prozess als Zeuge aussagen soll. Tut er es nicht, stirbt er selbst. Die Szene, in der Malik die Tat vorbereitet und ausführt, ist bis heute kaum auszuhalten, und sie verfolgt ihn – und uns – den ganzen Film hindurch, buchstäblich: Reyeb bleibt als Erscheinung in Maliks Zelle.

Was Jacques Audiard daraus macht, ist weniger ein Gefängnisfilm als ein Bildungsroman unter umgekehrten Vorzeichen. Malik lernt im Gefängnis lesen, er lernt Korsisch, indem er zuhört, wenn die Korsen glauben, er verstehe sie nicht, er lernt Ökonomie, Diplomatie und Geduld. Mit Ryad (Adel Bencherif), der vor ihm entlassen wird, baut er draußen ein eigenes Geschäft auf, und die Freigänge, die César ihm für seine Aufträge verschafft, nutzt er längst auch für sich. Stéphane Fontaines Kamera bleibt nah an Maliks Gesicht, Juliette Welflings Schnitt gibt den zweieinhalb Stunden einen Rhythmus, der nie erlahmt, und Alexandre Desplats Musik hält sich so lange zurück, bis sie gebraucht wird.

Beim Wiedersehen fällt vor allem auf, wie ungeheuer präzise Tahar Rahim damals schon war, in seiner ersten großen Kinorolle. Er spielt Maliks Aufstieg nicht als Verwandlung, sondern als langsames Sichtbarwerden von etwas, das immer da war: Intelligenz, Anpassungsfähigkeit und eine Kälte, die man ihm anfangs nicht zutraut. Der Große Preis der Jury in Cannes 2009 und die beiden Césars für Rahim waren kein Zufall. Wer ihn jetzt in „Der Mauretanier“ als Häftling sieht, der über Jahre ohne Anklage festgehalten wird, erkennt dieselbe Fähigkeit, Würde aus bloßer Anwesenheit zu gewinnen.

Eine Wertung in Sternen geben wir hier bewusst nicht. „Ein Prophet“ ist längst ein Klassiker des französischen Kinos; man muss ihn nicht mehr empfehlen, man muss ihn nur gesehen haben.""",
        "rating": None,
        "language": "de",
        "author": "jkessler",
        "status": "published",
        "published_at": "2021-06-09T12:00:00+02:00",
        "tags": ["Cannes 2009", "Drama"],
    },
    {
        "film": "an-education-2009",
        "slug": "an-education-review",
        "headline": "Paris, jazz and the price of a shortcut",
        "teaser": (
            "Lone Scherfig and Nick Hornby turn Lynn Barber’s memoir into a witty, handsomely cast coming-of-age "
            "story – and Carey Mulligan into a star."
        ),
        "body": """Twickenham, 1961. Jenny (Carey Mulligan) is sixteen, plays the cello, listens to French records in her bedroom and is being drilled towards Oxford by a father who treats every hour not spent on Latin as money wasted. Then, one rainy afternoon, a man in an elegant car offers to give her cello a lift. David (Peter Sarsgaard) is charming, twice her age and seemingly at home everywhere Jenny longs to be: concert halls, auction rooms, smoky clubs, eventually Paris. His friends Danny (Dominic Cooper) and Helen (Rosamund Pike) are glamorous in a way nobody in Twickenham is. What David actually does for a living is a question the film allows Jenny to postpone for as long as she can.

Nick Hornby’s screenplay, adapted from Lynn Barber’s memoir, is sharp and often very funny, and Lone Scherfig directs it with a light touch that never mistakes period detail for insight. The best scenes are the ones in which David charms Jenny’s parents: watching Alfred Molina’s Jack, a man who has spent his life being careful, allow himself to be flattered out of every principle he holds, is both comic and quietly devastating. Olivia Williams as Miss Stubbs, the teacher who sees Jenny’s talent and fears for it, and Emma Thompson as a headmistress of glacial disapproval make strong impressions in small roles.

But it is Mulligan’s film. She plays Jenny as a clever girl who knows she is clever, which is exactly what makes her vulnerable: she can argue her way into anything, including a mistake. The shift from schoolgirl to young woman happens in her posture and her voice rather than in any big scene, and it is a pleasure to watch. Sarsgaard, meanwhile, keeps David just ambiguous enough that we understand the attraction without ever quite trusting it.

The weakness is the final stretch. Once the truth about David arrives, the film hurries towards a resolution that feels tidier than everything before it, as if the memoir’s hard-won wisdom had to be delivered in a single tidy package. It is a small complaint about a film that is otherwise smart, warm and beautifully played, and one that takes seriously the idea that an education can come from the wrong teacher.""",
        "rating": "3.5",
        "language": "en",
        "author": "nohalloran",
        "status": "published",
        "published_at": "2009-10-30T09:00:00+00:00",
        "tags": ["Literaturverfilmung"],
    },
    {
        "film": "their-finest-2016",
        "slug": "their-finest-review",
        "headline": "Writing the war, one line of dialogue at a time",
        "teaser": (
            "Lone Scherfig’s Blitz-era comedy about a propaganda film unit is charming, well acted and smarter "
            "about filmmaking than it first lets on – with Bill Nighy stealing every scene he is in."
        ),
        "body": """London, 1940. The Ministry of Information needs films that will keep the country’s spirits up, and it has discovered that women in the audience notice when the women on screen talk like men wrote them. So Catrin Cole (Gemma Arterton), who came in for a secretarial job, is hired to write what her new colleagues dismissively call “slop”: the female dialogue. Her partner in the writing room is Tom Buckley (Sam Claflin), cynical, quick and not nearly as indifferent to her as he pretends. Their assignment is a feature about two sisters who took their father’s boat to Dunkirk, a story that turns out to be less heroic than the ministry would like and therefore needs improving.

The film within the film is the source of most of the fun. There is the vanity of Ambrose Hilliard (Bill Nighy), a fading matinee idol who regards a supporting part as a personal insult and then slowly, grudgingly, discovers that he is good at it. There is Carl Lundbeck (Jake Lacy), an American airman cast for the benefit of audiences across the Atlantic, who cannot act at all. And there is his agent, Sophie Smith (Helen McCrory), who manages him with the patience of a zookeeper. Nighy is wonderful: every line is delivered as though it cost him something, and the film is wise enough to let his vanity turn into something touching.

Gaby Chiappe’s screenplay, based on the novel by Lissa Evans, is also sharp about the gap between what happened and what gets filmed, and about how much of wartime culture depended on women whose names never reached the credits. Arterton carries all this with ease, and her scenes at home with Ellis (Jack Huston), the painter she lives with, who resents her growing independence, give the story weight. Sebastian Blenkov’s photography gives the Blitz a warm, smoky look; Rachel Portman’s score underlines a little too readily.

The film’s tone wavers in the last act, when it swerves from comedy into grief in a way that some will find brave and others abrupt. I found it a little of both. But “Their Finest” remains a generous, clever entertainment about the people who make stories and the reasons we need them.""",
        "rating": "3.5",
        "language": "en",
        "author": "nohalloran",
        "status": "published",
        "published_at": "2017-04-21T10:00:00+01:00",
        "tags": ["Komödie", "Literaturverfilmung"],
    },
    {
        "film": "the-big-sick-2017",
        "slug": "the-big-sick-review",
        "headline": "Love in the waiting room",
        "teaser": (
            "Kumail Nanjiani and Emily V. Gordon turn their own courtship into a romantic comedy that spends "
            "most of its time in a hospital – and is all the better for it."
        ),
        "body": """Romantic comedies usually end when the couple gets together. “The Big Sick” has a different problem: its couple breaks up before the story really starts, and then one of them falls into a coma. Kumail (Kumail Nanjiani), a stand-up comic in Chicago who drives for a ride-hailing app to pay the rent, has been seeing Emily (Zoe Kazan), a graduate student, while letting his Pakistani parents believe he is open to an arranged marriage. When she finds the photos of the women his mother keeps inviting to dinner, it is over. Days later, Emily is in intensive care, and Kumail is the only person around to sign the forms.

What follows is the film’s real subject: Kumail sitting in a waiting room with Emily’s parents, Beth (Holly Hunter) and Terry (Ray Romano), who know exactly what he did and have no intention of making it easy for him. Hunter is ferocious and very funny, a mother whose fear comes out as combat; Romano plays Terry as a decent man who says the wrong thing with great consistency. The scenes between the three of them, growing from hostility to a reluctant alliance, are the best things in the film.

Michael Showalter directs without fuss, which suits a script written by Nanjiani and Emily V. Gordon from their own story. It is generous to everyone, including Kumail’s family: his mother Sharmeen (Zenobia Shroff) and father Azmat (Anupam Kher) are given their own reasons and their own dignity, even when the film laughs at the dinner-table ambushes. Kazan, though absent for much of the running time, makes Emily so specific in the early scenes that her absence hurts.

At two hours the film is longer than it needs to be, and a subplot about the comedy club could have gone. But it is rare to see a romantic comedy this honest about how cowardly people can be when they are in love, and this forgiving about it.""",
        "rating": "4.0",
        "language": "en",
        "author": "nohalloran",
        "status": "published",
        "published_at": "2017-07-28T12:00:00+01:00",
        "tags": ["Komödie"],
    },
    {
        "film": "the-mauritanian-2021",
        "slug": "the-mauritanian-review",
        "headline": "Fourteen years without a charge",
        "teaser": (
            "Tahar Rahim gives a remarkable performance as Mohamedou Ould Slahi in Kevin Macdonald’s "
            "Guantánamo drama, which is on surer ground in the cell than in the courtroom."
        ),
        "body": """Mohamedou Ould Slahi was detained in Mauritania in the months after 11 September 2001 and spent the following fourteen years in detention, most of them at Guantánamo Bay, without ever being charged with a crime. Kevin Macdonald’s film, based on Slahi’s memoir “Guantánamo Diary”, tells the story from two sides: that of the defence lawyer Nancy Hollander (Jodie Foster) and her associate Teri Duncan (Shailene Woodley), who take his case, and that of the military prosecutor Stuart Couch (Benedict Cumberbatch), who is pushed to seek the death penalty and finds that the evidence will not hold.

The legal half is efficient and familiar. Foster plays Hollander with a dry, unsentimental stubbornness that is a pleasure to watch, Woodley has less to do, and Cumberbatch does what he can with a role that mostly consists of reading files and looking troubled. The screenplay by M. B. Traven, Rory Haines and Sohrab Noshirvani follows the well-worn shape of the courtroom drama, with redacted documents, corridor confrontations and a late moral turn.

The film comes alive whenever it is with Slahi. Tahar Rahim plays him as a man of humour and curiosity, someone who learns English from his guards and makes friends where he can, and who is then systematically taken apart. Macdonald changes the aspect ratio for the Guantánamo scenes, narrowing the image until it presses in on Rahim, and the interrogation sequences are hard to watch without ever becoming exploitative.

What the film lacks is trust in that material. Too often it cuts away from Slahi to the lawyers’ offices just as his story becomes most unbearable, as though the audience needed a familiar Hollywood face to hold on to. Rahim’s performance is reason enough to see it; the film around him is solid, sincere and rather more conventional than its subject deserves.""",
        "rating": "3.0",
        "language": "en",
        "author": "nohalloran",
        "status": "draft",
        "published_at": None,
        "tags": ["Literaturverfilmung"],
    },
    {
        "film": "roter-himmel-2023",
        "slug": "afire-review",
        "headline": "A comedy of bad moods, with ash falling",
        "teaser": (
            "Christian Petzold’s “Afire” starts as a summer comedy about an insufferable young novelist and "
            "ends somewhere much darker. It is one of the best German films of the decade so far."
        ),
        "body": """Leon (Thomas Schubert) has come to a holiday house on the Baltic coast to finish his second novel. His friend Felix (Langston Uibel) is there to work on his art school portfolio. Neither expected to share the place with Nadja (Paula Beer), a seasonal worker in the nearby village, or with the noise she and the lifeguard Devid (Enno Trebs) make at night. Felix goes swimming, fixes the roof, makes friends. Leon sulks. The work, he keeps saying, does not allow it.

Christian Petzold has never made anything as funny as the first hour of “Afire”. Schubert’s Leon is a masterpiece of self-absorption, a young man who mistakes irritability for depth and cannot see that everyone around him is more interesting than his manuscript. Petzold stages his humiliations with the precision of a silent comedy, and Beer, in her third film with the director, plays Nadja with an amused patience that slowly turns into something sharper.

Meanwhile, the forest is burning. At first it is just a radio report, then firefighting planes overhead, then ash settling on the dinner table. Hans Fromm’s camera refuses to turn any of this into spectacle, which makes it all the more frightening: the disaster is background noise until suddenly it is not. When Leon’s publisher Helmut (Matthias Brandt) arrives to discuss the book, the film begins to shift in tone, and by the end it has become something else altogether, which is best discovered without warning.

“Afire” won the Grand Jury Prize at the Berlinale in 2023, and it is the second part of a trilogy Petzold began with “Undine”. It is a film about writing and being read, about looking at the world and failing to see it, and it has the nerve to be very funny about all of that before it breaks your heart.""",
        "rating": "4.0",
        "language": "en",
        "author": "tweidner",
        "status": "published",
        "published_at": "SCHEDULED",
        "tags": ["Berlinale 2023", "Silberner Bär"],
    },
]
