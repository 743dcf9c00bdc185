import type { SeededRandom } from './seeded-random.js';

const FIRST_NAMES = [
  'Aisha', 'Alexander', 'Amelia', 'Amir', 'Andrew', 'Anjali', 'Anna', 'Ben', 'Catherine', 'Chen', 'Chloe', 'Daniel',
  'David', 'Deepa', 'Eleanor', 'Emma', 'Fatima', 'Fiona', 'George', 'Grace', 'Hannah', 'Harriet', 'Imran', 'Isabel',
  'James', 'Jane', 'John', 'Joseph', 'Kate', 'Kwame', 'Laura', 'Lucy', 'Mark', 'Mary', 'Michael', 'Mohammed',
  'Nadia', 'Neil', 'Nicola', 'Oliver', 'Olufemi', 'Paul', 'Peter', 'Priya', 'Rachel', 'Rajesh', 'Rebecca', 'Richard',
  'Robert', 'Ruth', 'Sam', 'Sarah', 'Simon', 'Sophie', 'Stephen', 'Susan', 'Thomas', 'Tom', 'Usha', 'Victoria',
  'William', 'Yusuf', 'Zainab', 'Zoe',
];

const SURNAMES = [
  'Adams', 'Ahmed', 'Ali', 'Allen', 'Baker', 'Bell', 'Bennett', 'Brown', 'Campbell', 'Chaudhry', 'Clarke', 'Cooper',
  'Davies', 'Edwards', 'Evans', 'Fisher', 'Green', 'Griffiths', 'Gupta', 'Hall', 'Harris', 'Hughes', 'Hussain',
  'Jackson', 'James', 'Jones', 'Kaur', 'Khan', 'King', 'Kumar', 'Lee', 'Lewis', 'Martin', 'Mitchell', 'Moore',
  'Morgan', 'Morris', 'Murphy', 'Nguyen', 'Okafor', 'Owen', 'Parker', 'Patel', 'Phillips', 'Price', 'Rahman', 'Roberts',
  'Robinson', 'Scott', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson',
  'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young',
];

const PLACES = [
  'Abbey', 'Ashfield', 'Beech', 'Birchwood', 'Bridge Street', 'Broadway', 'Castle', 'Cedars', 'Church Lane', 'Cliff',
  'Crown', 'Elm Tree', 'Fairfield', 'Forest', 'Garden', 'Grange', 'Green Lane', 'Hawthorn', 'High Street',
  'Hillside', 'Kings', 'Lakeside', 'Laurel', 'Linden', 'Manor', 'Market Street', 'Meadow', 'Mill', 'Oak Tree',
  'Orchard', 'Park Road', 'Priory', 'Queens', 'Riverside', 'Rosewood', 'St Johns', 'St Marys', 'Station Road',
  'Tower', 'Valley', 'Victoria', 'West End', 'Willow', 'Windmill', 'Woodlands',
];

const KINDS = ['Medical Centre', 'Surgery', 'Health Centre', 'Medical Practice', 'Family Practice', 'Group Practice'];

export const gpName = (random: SeededRandom): string => `Dr ${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
export const surnameOf = (name: string): string => name.split(' ').at(-1) ?? name;
export const practiceName = (random: SeededRandom): string => `${random.pick(PLACES)} ${random.pick(KINDS)}`.toUpperCase();

const AREA_PARTS = ['North', 'South', 'East', 'West', 'Central', 'Rural', 'Riverside', 'Town', 'Valley', 'Coastal', 'Park', 'Hills'];

/** Names for the n-th PCN of a commissioner area, e.g. "06A North PCN". */
export function pcnName(areaCode: string, index: number): string {
  const part = AREA_PARTS[index % AREA_PARTS.length];
  const round = Math.floor(index / AREA_PARTS.length);
  return `${areaCode} ${part}${round > 0 ? ` ${round + 1}` : ''} PCN`;
}
