/** Fixed name lists for the demo districts: invented people, common names. */

export const CHILD_GIRLS = [
  "Amelia", "Charlotte", "Mia", "Harper", "Evelyn", "Abigail", "Emily", "Ella", "Avery", "Scarlett",
  "Grace", "Chloe", "Riley", "Aria", "Lily", "Zoey", "Hannah", "Layla", "Nora", "Zoe", "Leah",
  "Hazel", "Violet", "Aurora", "Audrey", "Brooklyn", "Claire", "Lucy", "Anna", "Caroline", "Maya",
  "Willow", "Naomi", "Aaliyah", "Elena", "Ruby", "Eva", "Hailey", "Isla", "Quinn", "Ivy", "Sadie",
  "Piper", "Lydia", "Julia", "Clara", "Natalie", "Jasmine", "Iris", "Molly", "Amara", "Fiona",
  "Priya", "Aisha", "Mei", "Hana", "Zara", "Nia", "Leila", "Tessa",
] as const;

export const CHILD_BOYS = [
  "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry", "Theodore", "Jack", "Levi",
  "Alexander", "Jackson", "Daniel", "Michael", "Owen", "Samuel", "Ethan", "Joseph", "John", "Wyatt",
  "Gabriel", "Julian", "Luke", "Isaac", "Nathan", "Aaron", "Caleb", "Ryan", "Adrian", "Miles",
  "Eli", "Nolan", "Christian", "Hunter", "Jonathan", "Connor", "Jeremiah", "Ezra", "Thomas",
  "Charles", "Isaiah", "Andrew", "Jaxon", "Cooper", "Dominic", "Austin", "Ian", "Jordan", "Evan",
  "Arjun", "Omar", "Kenji", "Minh", "Kwame", "Tariq", "Rohan", "Felix", "Max", "Leo", "Jayden",
] as const;

export const SURNAMES = [
  "Smith", "Johnson", "Williams", "Jones", "Miller", "Davis", "Anderson", "Taylor", "Thomas",
  "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
  "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Mitchell", "Campbell",
  "Roberts", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris",
  "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Howard",
  "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Hughes",
  "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry", "Russell",
  "Sullivan", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds",
  "Hamilton", "Graham", "Wallace", "Olson", "Larson", "Schmidt", "Hansen", "Lindqvist", "Novak",
  "Nguyen", "Tran", "Pham", "Le", "Chen", "Wang", "Li", "Park", "Choi", "Patel", "Shah", "Singh",
  "Khan", "Ali", "Hassan", "Ahmed", "Okafor", "Mensah", "Diallo", "Yang", "Vang", "Her",
] as const;

export const SPANISH_CHILD_GIRLS = [
  "Sofía", "Valentina", "Camila", "Isabella", "Lucía", "Mariana", "Daniela", "Gabriela", "Ximena",
  "Renata", "Natalia", "Valeria", "Andrea", "Paula", "Elena", "Victoria", "Regina", "Alejandra",
  "Fernanda", "Catalina",
] as const;

export const SPANISH_CHILD_BOYS = [
  "Mateo", "Santiago", "Sebastián", "Diego", "Nicolás", "Alejandro", "Samuel", "Daniel", "Emiliano",
  "Leonardo", "Gael", "Tomás", "Joaquín", "Adrián", "Andrés", "Julián", "Iker", "Lucas", "David",
  "Gabriel",
] as const;

export const SPANISH_SURNAMES = [
  "Garcia", "Rodriguez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
  "Flores", "Rivera", "Gomez", "Diaz", "Cruz", "Morales", "Gutierrez", "Ortiz", "Ramos", "Castillo",
  "Mendoza", "Vargas", "Romero", "Herrera", "Medina", "Aguilar", "Jimenez", "Ruiz", "Alvarado",
  "Castro", "Vasquez", "Salazar", "Navarro", "Delgado", "Espinoza",
] as const;

export const ADULT_WOMEN = [
  "Jennifer", "Jessica", "Amanda", "Melissa", "Nicole", "Stephanie", "Heather", "Elizabeth",
  "Megan", "Amy", "Rachel", "Kimberly", "Christina", "Laura", "Lisa", "Michelle", "Angela",
  "Rebecca", "Emily", "Kelly", "Erin", "Andrea", "Katherine", "Julie", "Allison", "Lauren",
  "Danielle", "Courtney", "Natalie", "Christine", "Kristen", "Erica", "Monica", "Anna", "Vanessa",
  "Holly", "Brittany", "Alicia", "Tara", "Dana", "Linh", "Priya", "Fatima", "Grace", "Ngozi",
] as const;

export const ADULT_MEN = [
  "Michael", "Christopher", "Matthew", "Joshua", "David", "James", "Daniel", "Robert", "John",
  "Joseph", "Jason", "Justin", "Andrew", "Ryan", "William", "Brian", "Jonathan", "Brandon",
  "Nicholas", "Anthony", "Eric", "Adam", "Kevin", "Steven", "Thomas", "Timothy", "Kyle", "Richard",
  "Jeffrey", "Jeremy", "Benjamin", "Aaron", "Mark", "Patrick", "Sean", "Jacob", "Nathan", "Scott",
  "Gregory", "Derek", "Tuan", "Raj", "Ahmed", "Samuel", "Chinedu",
] as const;

export const SPANISH_ADULT_WOMEN = [
  "María", "Ana", "Carmen", "Rosa", "Guadalupe", "Lucía", "Elena", "Verónica", "Adriana",
  "Gabriela", "Claudia", "Leticia", "Alejandra", "Mónica", "Silvia", "Yolanda", "Teresa",
  "Sandra", "Laura", "Beatriz",
] as const;

export const SPANISH_ADULT_MEN = [
  "José", "Juan", "Luis", "Jorge", "Miguel", "Francisco", "Antonio", "Alejandro", "Manuel",
  "Ricardo", "Javier", "Fernando", "Roberto", "Eduardo", "Sergio", "Raúl", "Óscar", "Héctor",
  "Rafael", "Arturo",
] as const;

/** Lower-case ASCII for e-mail addresses: "María José" → "mariajose". */
export function emailPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
