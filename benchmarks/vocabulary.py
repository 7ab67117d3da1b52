"""Word lists the synthetic plan generator draws on: fictional places, people and role titles."""

# fmt: off

from __future__ import annotations

# Invented place-name parts: combined they give plausible English system and place names that
# belong to no real ICS.
PLACE_HEADS = (
    "Ash", "Bar", "Brook", "Calder", "Dun", "Elm", "Fair", "Glen", "Hart", "Hol", "Ken",
    "Lang", "Marsh", "Nor", "Oak", "Pen", "Ridge", "Salt", "Thorn", "Wal", "Whit", "Wood",
    "Ald", "Bram", "Cran", "Fern", "Har", "Lyn", "Mel", "Row", "Stan", "Wey",
)
PLACE_TAILS = (
    "bury", "ford", "ham", "ley", "minster", "wick", "worth", "ton", "field", "mouth",
    "stead", "well", "bridge", "by", "caster", "dale",
)
SYSTEM_SUFFIXES = ("and District", "Valley", "and the Coast", "Vale", "and Borders", "Shire")

FIRST_NAMES = (
    "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Anna", "Anil", "Barbara", "Ben",
    "Bethan", "Bola", "Carl", "Carmen", "Catherine", "Chen", "Chloe", "Chris", "Claire", "Colin",
    "Daniel", "David", "Deborah", "Deepa", "Donna", "Edward", "Eilidh", "Elaine", "Emeka",
    "Emily", "Emma", "Farah", "Fiona", "Gareth", "Gemma", "George", "Grace", "Hannah", "Harriet",
    "Helen", "Ian", "Imran", "Isabel", "Jack", "James", "Jane", "Jasmine", "Jennifer", "John",
    "Joseph", "Julia", "Karen", "Kate", "Kwame", "Laura", "Leanne", "Liam", "Lucy", "Mark",
    "Martin", "Mary", "Matthew", "Mei", "Michael", "Mohammed", "Nadia", "Naomi", "Neil", "Nicola",
    "Nkechi", "Oliver", "Olivia", "Owen", "Patrick", "Paul", "Priya", "Rachel", "Rajesh", "Rebecca",
    "Richard", "Rhys", "Robert", "Ruth", "Sam", "Sarah", "Sean", "Simon", "Siobhan", "Sophie",
    "Stephen", "Sunita", "Susan", "Tariq", "Thomas", "Tom", "Tunde", "Victoria", "Wei", "William",
    "Yasmin", "Zainab", "Zoe", "Adam", "Beatrice", "Callum", "Delia", "Esther", "Felix", "Gwen",
    "Hugh", "Ifeoma", "Jonah", "Keira", "Lewis", "Morag", "Niamh", "Omar", "Phoebe", "Rosa",
)
LAST_NAMES = (
    "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Appiah", "Bailey", "Baker", "Banerjee",
    "Barnes", "Bell", "Bennett", "Bhatt", "Brown", "Butler", "Campbell", "Carter", "Chapman",
    "Chowdhury", "Clarke", "Collins", "Cook", "Cooper", "Cox", "Davies", "Dixon", "Edwards",
    "Evans", "Fisher", "Fletcher", "Foster", "Gill", "Graham", "Green", "Griffiths", "Hall",
    "Harris", "Harrison", "Hill", "Holmes", "Hughes", "Hussain", "Jackson", "James", "Jenkins",
    "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Lee", "Lewis", "Lloyd",
    "Marshall", "Martin", "Mason", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy",
    "Murray", "Nwosu", "Okafor", "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips",
    "Price", "Rahman", "Reid", "Richards", "Roberts", "Robinson", "Rogers", "Russell", "Scott",
    "Shah", "Sharma", "Shaw", "Simpson", "Singh", "Smith", "Stewart", "Taylor", "Thomas",
    "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood",
    "Wright", "Young", "Zhang", "Begum", "Doherty", "Farrell", "Gordon", "Hart", "Iqbal",
    "Joshi", "Kennedy", "Lawson", "Mensah", "Nolan", "O'Brien", "Osei", "Quinn", "Rees",
    "Sutton", "Tran", "Vaughan", "Walsh", "Yates", "Boateng", "Cunningham", "Dhillon", "Ellis",
)
INITIALS = "ABCDEFGHJKLMNPRSTW"

#: Professions that lead broadly, beyond one programme area.
GENERAL_PROFESSIONS = (
    "general practice", "nursing", "acute medicine", "public health", "pharmacy",
    "allied health professions", "psychiatry", "paediatrics", "geriatric medicine",
)

#: Clinical role titles per tier kind ("{area}" is the committee's programme area).
CLINICAL_TITLES = {
    "system": (
        "Medical Director", "Chief Nursing Officer", "Director of Public Health",
        "Chief Allied Health Professions Officer", "Clinical Director for Quality",
        "Chief Pharmacist", "Primary Care Partner Member",
    ),
    "programme": (
        "Clinical Lead for {area}", "Senior Responsible Clinician for {area}",
        "Nursing Lead for {area}", "GP Lead for {area}", "Pharmacy Lead for {area}",
        "Allied Health Professions Lead for {area}",
    ),
    "place": (
        "Place Clinical Director", "Place Nursing Lead", "Primary Care Network Clinical Director",
        "Community Services Clinical Lead", "Place GP Representative",
    ),
    "neighbourhood": (
        "{area} Project Clinical Lead", "GP Representative", "Practice Nurse Lead",
        "Community Pharmacy Lead", "Frailty Lead", "Care Home Clinical Lead",
        "Social Prescribing Clinical Champion", "Community Nursing Lead",
    ),
}
NON_CLINICAL_TITLES = (
    "Programme Director", "Programme Manager", "Finance Lead", "Head of Contracting",
    "Director of Strategy", "Local Authority Representative", "Voluntary Sector Representative",
    "Healthwatch Representative", "Business Intelligence Lead", "Estates Lead",
    "Workforce Lead", "Patient and Public Partner", "Communications Manager", "Lay Member",
)

PROGRAMME_BOARD_KINDS = ("Programme Board", "Transformation Board", "Delivery Board")
SYSTEM_COMMITTEES = (
    "Integrated Care Board", "System Executive Group", "Quality and Safety Committee",
    "Finance and Performance Committee", "Clinical and Care Professional Leadership Council",
    "People Board", "Population Health Management Board", "Digital and Data Board",
)
PLACE_COMMITTEES = ("Place Partnership Board", "Place Delivery Group", "Place Quality Group")
PROJECT_TOPICS = (
    "Frailty Pathway", "Discharge to Assess", "Diabetes Prevention", "Perinatal Mental Health",
    "Virtual Wards", "Anticipatory Care", "Cancer Early Diagnosis", "Childhood Asthma",
    "Falls Prevention", "Medicines Optimisation", "Same Day Urgent Care", "Hypertension Case "
    "Finding", "Community Rehabilitation", "Crisis Support", "Continuity of Carer",
    "Structured Medication Review", "End of Life Care", "Heart Failure", "Respiratory Hub",
)
PROJECT_KINDS = ("Project Group", "Working Group", "Implementation Group", "Task and Finish Group")
MEETING_FREQUENCIES = ("Weekly", "Fortnightly", "Monthly", "Bi-monthly", "Quarterly")

PURPOSE_OPENINGS = (
    "Oversees", "Coordinates", "Plans and delivers", "Holds partners to account for",
    "Brings clinicians, managers and partners together on",
)
PURPOSE_TAILS = (
    "agreeing priorities, tracking delivery against the plan and escalating risks it cannot "
    "resolve to the committee it reports to.",
    "making sure decisions reflect clinical evidence, local service data and the views of "
    "the people who use services.",
    "securing engagement across organisations, sharing resources and keeping commitment going "
    "through delivery.",
)
# fmt: on
